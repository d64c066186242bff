package model

// Status is a SKU's stock health, as shown in the Stock pane.
type Status uint8

// Statuses in order of urgency: sorting by status puts the worst first.
const (
	StatusOut    Status = iota // nothing available to sell
	StatusLow                  // inventory position at or below the reorder point
	StatusDead                 // stock on hand and no sale for the dead-stock period
	StatusExcess               // more available than the order-up-to level plus the cover target
	StatusOK

	StatusCount = iota // how many statuses there are
)

var statusNames = [...]string{"out", "low", "dead", "excess", "ok"}

func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return "?"
}

// Statuses lists every status, most urgent first.
func Statuses() []Status {
	return []Status{StatusOut, StatusLow, StatusDead, StatusExcess, StatusOK}
}
