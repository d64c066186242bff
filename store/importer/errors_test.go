package importer

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestRowError(t *testing.T) {
	for _, c := range []struct {
		e    RowError
		want string
	}{
		{RowError{"orders.csv", 12, "Lineitem quantity", "2.5 is not a whole number"},
			`orders.csv:12: column "Lineitem quantity": 2.5 is not a whole number`},
		{RowError{"orders.csv", 3, "", `bare " in non-quoted field`},
			`orders.csv:3: bare " in non-quoted field`},
		{RowError{"orders.csv", 0, "Created at", "03/04/2024 could be 3 April or March 4"},
			`orders.csv: column "Created at": 03/04/2024 could be 3 April or March 4`},
	} {
		if got := c.e.Error(); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}

func TestErrors(t *testing.T) {
	l := &Errors{File: "s.csv"}
	if l.Err() != nil || l.Len() != 0 {
		t.Fatal("empty list has an error")
	}
	l.Add(2, "qty", "empty")
	if got, want := l.Err().Error(), `s.csv:2: column "qty": empty`; got != want {
		t.Errorf("one error: %s, want %s", got, want)
	}

	for i := 3; i <= 26; i++ {
		l.Add(i, "", fmt.Sprint("bad ", i))
	}
	err := l.Err()
	lines := strings.Split(err.Error(), "\n")
	if l.Len() != 25 || len(lines) != 21 {
		t.Fatalf("Len %d, %d lines:\n%s", l.Len(), len(lines), err)
	}
	if lines[19] != "s.csv:21: bad 21" || lines[20] != "s.csv: 5 more errors" {
		t.Errorf("last lines %q", lines[19:])
	}
	var re *RowError
	if !errors.As(err, &re) || re.Line != 2 || re.Column != "qty" {
		t.Errorf("errors.As found %v", re)
	}
	if n := len(err.(interface{ Unwrap() []error }).Unwrap()); n != MaxReported {
		t.Errorf("Unwrap gives %d errors", n)
	}

	// The returned error is a snapshot.
	l.Add(99, "", "later")
	if strings.Contains(err.Error(), "6 more") {
		t.Error("Add changed an error already returned")
	}
	if got := l.Err().Error(); !strings.HasSuffix(got, "\ns.csv: 6 more errors") {
		t.Errorf("after another Add: ...%s", got[len(got)-30:])
	}
}

func TestErrorsOneMore(t *testing.T) {
	l := &Errors{File: "f"}
	for i := 0; i <= MaxReported; i++ {
		l.Add(i+2, "", "x")
	}
	if got := l.Err().Error(); !strings.HasSuffix(got, "\nf: 1 more error") {
		t.Errorf("got ...%s", got[len(got)-20:])
	}
}
