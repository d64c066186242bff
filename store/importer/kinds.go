// Package importer reads shop exports and spreadsheets into a catalogue:
// `stockroom import KIND FILE`. Known formats are recognised by their
// headers; any other CSV is read through a --map of field to header. A
// file imports completely, in one transaction, or not at all.
package importer

import (
	"fmt"
	"strings"
)

// Field is one value a kind reads from a column.
type Field struct {
	Name     string // Stockroom's name, as in exports and --map
	Required bool
	Help     string
	// Headers are the column names the field is found under in known
	// formats, normalised (see normalise); the field's own name comes first.
	Headers []string
}

// Kind is one kind of file: products, stock, sales, …
type Kind struct {
	Name   string
	Help   string
	Fields []Field
	run    func(*job) error
}

// Kinds lists every kind, in the order a new catalogue is best filled.
func Kinds() []*Kind {
	return []*Kind{suppliersKind, productsKind, stockKind, salesKind, ordersKind, purchaseOrdersKind, policiesKind}
}

// KindByName finds a kind.
func KindByName(name string) (*Kind, error) {
	for _, k := range Kinds() {
		if k.Name == name {
			return k, nil
		}
	}
	return nil, fmt.Errorf("no import kind %q (kinds: %s)", name, strings.Join(KindNames(), ", "))
}

// KindNames lists the kinds' names.
func KindNames() []string {
	var out []string
	for _, k := range Kinds() {
		out = append(out, k.Name)
	}
	return out
}

// Describe lists a kind's fields for --help: name, required or not, help.
func (k *Kind) Describe() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", k.Name, k.Help)
	for _, f := range k.Fields {
		req := "optional"
		if f.Required {
			req = "required"
		}
		fmt.Fprintf(&b, "  %-18s %-8s %s\n", f.Name, req, f.Help)
	}
	return b.String()
}

func (k *Kind) field(name string) *Field {
	for i := range k.Fields {
		if k.Fields[i].Name == name {
			return &k.Fields[i]
		}
	}
	return nil
}

// field builds a Field; headers are normalised here so the tables below
// can be written as the formats spell them.
func field(name string, required bool, help string, headers ...string) Field {
	f := Field{Name: name, Required: required, Help: help, Headers: []string{normalise(name)}}
	for _, h := range headers {
		f.Headers = append(f.Headers, normalise(h))
	}
	return f
}

// normaliseAll normalises header spellings for a Field built by hand.
func normaliseAll(headers ...string) []string {
	out := make([]string, len(headers))
	for i, h := range headers {
		out[i] = normalise(h)
	}
	return out
}
