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
// first of the field's known headers present and not named in --map.
// Missing required fields and --map entries that name no field or no
// column are errors.
func columns(k *Kind, file string, header []string, format Format, mapping map[string]string) (map[string]int, error) {
	index := map[string]int{}
	for i, h := range header {
		if _, dup := index[normalise(h)]; !dup {
			index[normalise(h)] = i
		}
	}
	cols := map[string]int{}
	taken := map[int]bool{} // columns --map names are not also found for other fields
	for _, name := range slices.Sorted(maps.Keys(mapping)) {
		if k.field(name) == nil {
			return nil, fmt.Errorf("--map: %s has no field %q (fields: %s)", k.Name, name, fieldNames(k))
		}
		i, ok := index[normalise(mapping[name])]
		if !ok {
			return nil, fmt.Errorf("--map %s=%q: %s has no such column (columns: %s)", name, mapping[name], file, printable(strings.Join(header, ", ")))
		}
		cols[name] = i
		taken[i] = true
	}
	var missing []string
	for _, f := range k.Fields {
		if _, ok := cols[f.Name]; ok {
			continue
		}
		if format == Stockroom && f.Name == "status" {
			continue // a Stockroom export's status is the stock status (ok, low, …), not the product's
		}
		for _, h := range f.Headers {
			if i, ok := index[h]; ok && !taken[i] {
				cols[f.Name] = i
				break
			}
		}
		if _, ok := cols[f.Name]; !ok && f.Required {
			missing = append(missing, f.Name)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s: no column for %s (a %s file needs %s); name the columns with --map, e.g. --map %s=\"Your header\"",
			file, strings.Join(missing, ", "), k.Name, requiredNames(k), missing[0])
	}
	return cols, nil
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
	Stockroom         Format = "Stockroom export"
	ShopifyProducts   Format = "Shopify product export"
	ShopifyLegacy     Format = "Shopify product export (legacy)"
	ShopifyInventory  Format = "Shopify inventory export"
	ShopifyOrders     Format = "Shopify orders export"
	WooCommerceExport Format = "WooCommerce product export"
)

// detect names the format of a header.
func detect(header []string) Format {
	has := map[string]bool{}
	for _, h := range header {
		has[normalise(h)] = true
	}
	switch {
	case has["lineitem sku"] && has["lineitem quantity"]:
		return ShopifyOrders
	case has["location"] && (has["on hand (current)"] || has["available (not editable)"]):
		return ShopifyInventory
	case has["url handle"] && has["sku"]:
		return ShopifyProducts
	case has["handle"] && has["variant sku"]:
		return ShopifyLegacy
	case has["regular price"] && has["sku"]:
		return WooCommerceExport
	case has["sku"] && (has["reorder point"] || has["days of cover"] || has["weekly demand"]):
		return Stockroom
	}
	return Generic
}
