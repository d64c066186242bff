package model

// DefaultLeadTimeDays is a supplier's lead time until the PM sets one.
const DefaultLeadTimeDays = 14

// Supplier is a vendor that products are bought from.
type Supplier struct {
	ID             int64
	Name           string
	Email          string
	LeadTimeDays   float64
	LeadTimeSDDays float64
	OrderCost      float64
	MinOrderValue  float64
	Currency       string
}

// Location is a place where stock is held.
type Location struct {
	ID   int64
	Name string
}

// ProductStatus says whether a product is still sold.
type ProductStatus string

const (
	Active       ProductStatus = "active"
	Discontinued ProductStatus = "discontinued"
)

// Product is one SKU of the catalogue.
type Product struct {
	ID          int64
	SKU         string
	Name        string
	Category    string
	Subcategory string
	Brand       string
	SupplierID  int64
	UnitCost    float64
	Price       float64
	CasePack    int
	MOQ         int
	Status      ProductStatus
	LaunchedOn  Day
	// DataVersion increases whenever the product's sales history changes, so
	// cached forecasts can tell whether they are current.
	DataVersion int64
}

// Rounding is how a suggested order quantity is rounded to the case pack.
type Rounding string

const (
	RoundUp      Rounding = "up"
	RoundNearest Rounding = "nearest"
	RoundDown    Rounding = "down"
)

// Policy holds a SKU's planning overrides. Zero values mean "use the default".
type Policy struct {
	// ReorderPoint is the PM's manual reorder point when Manual is true.
	ReorderPoint int
	Manual       bool
	ServiceLevel float64  // 0 = default for the SKU's class
	LeadTimeDays float64  // 0 = supplier's lead time
	ReviewDays   int      // 0 = default review period
	Rounding     Rounding // "" = round up
	// OrderQty is the PM's own quantity for the SKU's next order when
	// HasOrderQty; it replaces the suggestion until it goes onto an order.
	OrderQty    int
	HasOrderQty bool
}

// StockLevel is a SKU's stock at one location.
type StockLevel struct {
	LocationID   int64
	LocationName string
	OnHand       int
	Committed    int
}

// Available is what can still be sold: on hand minus committed.
func (s StockLevel) Available() int { return s.OnHand - s.Committed }

// POStatus is where a purchase order is in its life.
type POStatus string

const (
	PODraft     POStatus = "draft"
	POSent      POStatus = "sent"
	POReceived  POStatus = "received"
	POCancelled POStatus = "cancelled"
)

// OpenPOLine is one SKU's line on a purchase order that is not yet fully
// received, with the order it is on.
type OpenPOLine struct {
	POID       int64
	Status     POStatus
	ExpectedAt Day
	POLine
}

// Item is one SKU with everything the planner needs about it.
type Item struct {
	Product   Product
	OnHand    int
	Committed int
	OnOrder   int // outstanding quantity on sent purchase orders
	InDraft   int // quantity on draft purchase orders
	// Incoming is the outstanding quantity of sent orders by expected day,
	// soonest first; orders without an expected day are not in it.
	Incoming []Receipt
	Policy   Policy
	// Forecast is the cached forecast read with the catalogue, nil if none.
	Forecast *SKUForecast
	// Sales is the weekly history; the catalogue snapshot leaves it empty
	// and the planner reads it only for SKUs whose forecast is not current.
	Sales WeeklySales
}

// Catalogue is a consistent snapshot of the planning data.
type Catalogue struct {
	Suppliers map[int64]Supplier
	Locations []Location
	Items     []Item
	Settings  Settings
	// LatestSale is the last day with any sales row: the default "today".
	LatestSale Day
	// Activity is what purchase orders say about each supplier, by id.
	Activity map[int64]SupplierActivity
}

// DailySale is one stored day of a SKU's sales.
type DailySale struct {
	Day     Day
	Units   int
	Revenue float64
	// InStock is the share of the day the SKU could be bought, NaN when unknown.
	InStock float64
}

// ProductDetail is what the detail pane shows beyond the planning numbers.
type ProductDetail struct {
	ProductID int64
	Stock     []StockLevel
	OpenPOs   []OpenPOLine
	Sales     WeeklySales // the whole weekly history, for the chart
}

// AuditEntry is one recorded change.
type AuditEntry struct {
	ID       int64
	At       string
	Who      string
	Entity   string
	EntityID string
	Field    string
	Old, New string
}
