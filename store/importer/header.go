package importer

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// normalise makes header spellings comparable: case, surrounding space,
// underscores, hyphens and runs of spaces do not matter ("On_hand",
// "on hand" and "ON-HAND" are one header).
func normalise(h string) string {
	h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
	h = strings.NewReplacer("_", " ", "-", " ", "\t", " ").Replace(h)
	return strings.Join(strings.Fields(h), " ")
}

// ParseMap reads --map: field="Header",field=Header,… Quotes are optional;
// a header containing a comma must be quoted.
func ParseMap(s string) (map[string]string, error) {
	out := map[string]string{}
	for len(strings.TrimSpace(s)) > 0 {
		s = strings.TrimLeft(s, " ,")
		eq := strings.IndexByte(s, '=')
		if eq <= 0 {
			return nil, fmt.Errorf("--map: %q is not field=Header", s)
		}
		name := strings.TrimSpace(s[:eq])
		s = strings.TrimLeft(s[eq+1:], " ")
		var header string
		if strings.HasPrefix(s, `"`) {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				return nil, fmt.Errorf("--map: unclosed quote after %s=", name)
			}
			header, s = s[1:1+end], s[2+end:]
		} else {
			end := strings.IndexByte(s, ',')
			if end < 0 {
				end = len(s)
			}
			header, s = strings.TrimSpace(s[:end]), s[end:]
		}
		if header == "" {
			return nil, fmt.Errorf("--map: no header given for %s", name)
		}
		out[name] = header
	}
	return out, nil
}

// columns finds each field's column: the --map header if given, else the
// column under one of the field's known headers that --map did not name.
// Missing required fields, --map entries that name no field or no column,
// and a field two columns could hold are errors: a file with Revenue and
// Line Total, or two columns called sku, says nothing about which is
// meant. A known format's own headers are trusted to pick one (WooCommerce
// has Type and Categories; the category is in Categories).
func columns(k *Kind, file string, header []string, format Format, export *stockroomExport, mapping map[string]string) (map[string]int, error) {
	index := map[string][]int{} // normalised header → its columns
	for i, h := range header {
		index[normalise(h)] = append(index[normalise(h)], i)
	}
	cols := map[string]int{}
	taken := map[int]bool{} // columns --map names are not also found for other fields
	for _, name := range slices.Sorted(maps.Keys(mapping)) {
		if k.field(name) == nil {
			return nil, fmt.Errorf("--map: %s has no field %q (fields: %s)", k.Name, name, fieldNames(k))
		}
		want := mapping[name]
		found := index[normalise(want)]
		if len(found) > 1 { // spelled exactly so, it may still be one of them
			var exact []int
			for _, i := range found {
				if header[i] == strings.TrimSpace(want) {
					exact = append(exact, i)
				}
			}
			switch {
			case len(exact) == 1:
			case spelledAlike(header, found):
				return nil, fmt.Errorf("%s: --map %s=%q: %s", file, name, want, sameNames(header, found))
			default:
				names := make([]string, len(found))
				for n, i := range found {
					names[n] = fmt.Sprintf("%q", printable(header[i]))
				}
				return nil, fmt.Errorf("%s: --map %s=%q: columns %s %s match it: write the header exactly as the one you mean", file, name, want, andList(names), bothOrAll(len(names)))
			}
			found = exact
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("--map %s=%q: %s has no such column (columns: %s)", name, want, file, printable(strings.Join(header, ", ")))
		}
		cols[name] = found[0]
		taken[found[0]] = true
	}
	var missing []string
	for _, f := range k.Fields {
		if _, ok := cols[f.Name]; ok {
			continue
		}
		if export != nil && f.Name == "status" {
			continue // a Stockroom export's status is the stock's (ok, low, …) or an order's, never the product's
		}
		var found []int // in the order of the field's headers
		for _, h := range f.Headers {
			for _, i := range index[h] {
				if !taken[i] && !slices.Contains(found, i) { // a field may list its name among its headers
					found = append(found, i)
				}
			}
		}
		if len(found) == 0 {
			if f.Required {
				missing = append(missing, f.Name)
			}
			continue
		}
		if same := index[normalise(header[found[0]])]; len(same) > 1 && spelledAlike(header, same) {
			return nil, fmt.Errorf("%s: %s", file, sameNames(header, same))
		}
		if len(found) > 1 && format == Generic {
			return nil, ambiguous(file, f.Name, header, found)
		}
		cols[f.Name] = found[0]
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s: no column for %s (a %s file needs %s); name the columns with --map, e.g. --map %s=\"Your header\"",
			file, strings.Join(missing, ", "), k.Name, requiredNames(k), missing[0])
	}
	return cols, nil
}

// spelledAlike reports whether two of the columns have the very same
// header, which no --map can tell apart.
func spelledAlike(header []string, cols []int) bool {
	seen := map[string]bool{}
	for _, i := range cols {
		if seen[header[i]] {
			return true
		}
		seen[header[i]] = true
	}
	return false
}

// sameNames says that columns share a header: "columns 1 and 3 are both
// called "sku": rename one of them".
func sameNames(header []string, cols []int) string {
	nums := make([]string, len(cols))
	for n, i := range cols {
		nums[n] = fmt.Sprint(i + 1)
	}
	return fmt.Sprintf("columns %s are %s called %q: rename one of them", andList(nums), bothOrAll(len(cols)), printable(header[cols[0]]))
}

// ambiguous is the error for a field several columns could hold, naming
// them in the file's order.
func ambiguous(file, field string, header []string, cols []int) error {
	cols = slices.Sorted(slices.Values(cols))
	names, maps := make([]string, len(cols)), make([]string, len(cols))
	for n, i := range cols {
		names[n] = fmt.Sprintf("%q", printable(header[i]))
		maps[n] = fmt.Sprintf("--map %s=%q", field, printable(header[i]))
	}
	return fmt.Errorf("%s: columns %s could %s be %s: choose one with %s", file, andList(names), bothOrAll(len(cols)), field,
		strings.Join(maps[:len(maps)-1], ", ")+" or "+maps[len(maps)-1])
}

// andList is "a", "a and b" or "a, b and c".
func andList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func bothOrAll(n int) string {
	if n == 2 {
		return "both"
	}
	return "all"
}

func fieldNames(k *Kind) string {
	var out []string
	for _, f := range k.Fields {
		out = append(out, f.Name)
	}
	return strings.Join(out, ", ")
}

func requiredNames(k *Kind) string {
	var out []string
	for _, f := range k.Fields {
		if f.Required {
			out = append(out, f.Name)
		}
	}
	return strings.Join(out, ", ")
}

// Format is a known export format, recognised by headers only it has.
type Format string

const (
	Generic           Format = "CSV"
	ShopifyProducts   Format = "Shopify product export"
	ShopifyLegacy     Format = "Shopify product export (legacy)"
	ShopifyInventory  Format = "Shopify inventory export"
	ShopifyOrders     Format = "Shopify orders export"
	WooCommerceExport Format = "WooCommerce product export"
)

// detect names the format of a header, and the Stockroom export it is.
func detect(header []string, exports []Export) (Format, *stockroomExport) {
	if e := findExport(header, exports); e != nil {
		return e.format(), e
	}
	has := map[string]bool{}
	for _, h := range header {
		has[normalise(h)] = true
	}
	switch {
	case has["lineitem sku"] && has["lineitem quantity"]:
		return ShopifyOrders, nil
	case has["location"] && (has["on hand (current)"] || has["available (not editable)"]):
		return ShopifyInventory, nil
	case has["url handle"] && has["sku"]:
		return ShopifyProducts, nil
	case has["handle"] && has["variant sku"]:
		return ShopifyLegacy, nil
	case has["regular price"] && has["sku"]:
		return WooCommerceExport, nil
	}
	return Generic, nil
}
