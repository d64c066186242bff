package model

import (
	"strings"
	"testing"
)

func TestParsePolicyValue(t *testing.T) {
	for _, c := range []struct {
		field PolicyField
		in    string
		want  string
		err   string // a fragment of the error; "" = no error
	}{
		{FieldLeadTime, "10.5", "10.5", ""},
		{FieldReorderPoint, "40", "40", ""},
		{FieldReorderPoint, "0", "0", ""},
		{FieldReorderPoint, "1,200", "1200", ""},
		{FieldReorderPoint, "auto", "", ""},
		{FieldReorderPoint, "-1", "", "reorder_point=-1: want a whole number: a reorder point ≥ 0"},
		{FieldLeadTime, "21d", "21", ""},
		{FieldLeadTime, " 21 days ", "21", ""},
		{FieldLeadTime, "3w", "21", ""},
		{FieldLeadTime, "1.5W", "10.5", ""},
		{FieldLeadTime, "010", "10", ""},
		{FieldLeadTime, "auto", "", ""},
		{FieldLeadTime, "Default", "", ""},
		{FieldLeadTime, "", "", ""},
		{FieldLeadTime, "0", "", "lead_time_days=0: a lead time of 0 would mean the supplier's"},
		{FieldLeadTime, "-3", "", "lead_time_days=-3: want days > 0"},
		{FieldLeadTime, "NaN", "", "want days > 0"},
		{FieldLeadTime, "1e3", "", "want days > 0"},
		{FieldLeadTime, "3x", "", "want days > 0"},
		{FieldServiceLevel, "97.5%", "0.975", ""},
		{FieldServiceLevel, "97.5 %", "0.975", ""},
		{FieldServiceLevel, "97.5", "0.975", ""},
		{FieldServiceLevel, "0.975", "0.975", ""},
		{FieldServiceLevel, "99.9", "0.999", ""}, // 99.9/100 is 0.9990000000000001 in binary
		{FieldServiceLevel, "50%", "0.5", ""},
		{FieldServiceLevel, "AUTO", "", ""},
		{FieldServiceLevel, "100", "", "service_level=100: a service level must be below 100 %"},
		{FieldServiceLevel, "1", "", "below 100 %"},
		{FieldServiceLevel, "0.3", "", "below 50 % gives negative safety stock"},
		{FieldServiceLevel, "49.9%", "", "below 50 %"},
		{FieldServiceLevel, "0", "", "below 50 %"},
		{FieldServiceLevel, "high", "", "service_level=high: want a service level such as 97.5%"},
		{FieldRounding, "Nearest", "nearest", ""},
		{FieldRounding, "down", "down", ""},
		{FieldRounding, "auto", "", ""},
		{FieldRounding, "sideways", "", "rounding=sideways: want up, nearest or down"},
		{FieldReviewDays, "7", "7", ""},
		{FieldReviewDays, "0", "", "review_days=0: want a review period of at least 1 day"},
		{FieldReviewDays, "7.5", "", "want a whole number"},
		{FieldOrderQty, "1,200", "1200", ""},
		{FieldOrderQty, "12,345,678", "12345678", ""},
		{FieldOrderQty, "0", "0", ""},
		{FieldOrderQty, "", "", ""},
		{FieldOrderQty, "12,00", "", "order_qty=12,00: want a whole number"},
		{FieldOrderQty, "-1", "", "want a whole number"},
		{FieldOrderQty, "99999999999999999999", "", "too large"},
		{FieldCasePack, "12", "12", ""},
		{FieldCasePack, "auto", "1", ""},
		{FieldCasePack, "", "1", ""},
		{FieldCasePack, "0", "", "case_pack=0: want units per case, at least 1"},
		{FieldMOQ, "0", "0", ""},
		{FieldMOQ, "default", "0", ""},
		{FieldMOQ, "2,400", "2400", ""},
		{FieldMOQ, "ten", "", "moq=ten: want a whole number"},
		{"colour", "red", "", `unknown field "colour" (fields: reorder_point, lead_time_days, service_level, rounding, review_days, order_qty, case_pack, moq)`},
	} {
		got, err := ParsePolicyValue(c.field, c.in)
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%s %q: %v", c.field, c.in, err)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%s %q: err %v, want one containing %q", c.field, c.in, err, c.err)
		case c.err != "" && strings.Contains(err.Error(), "\n"):
			t.Errorf("%s %q: error spans lines", c.field, c.in)
		case c.err == "" && got != c.want:
			t.Errorf("%s %q = %q, want %q", c.field, c.in, got, c.want)
		}
		// previous values go back through the parser when undone
		if err == nil {
			if again, err := ParsePolicyValue(c.field, got); err != nil || again != got {
				t.Errorf("%s: canonical %q parses to %q, %v", c.field, got, again, err)
			}
		}
	}
}

func TestPolicyFieldsAreAllParseable(t *testing.T) {
	fields := PolicyFields()
	if len(fields) != 8 || fields[0] != FieldReorderPoint || fields[7] != FieldMOQ {
		t.Fatalf("fields %v", fields)
	}
	for _, f := range fields {
		if _, err := ParsePolicyValue(f, "auto"); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}
