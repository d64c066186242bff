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
		{FieldReorderPoint, "-1", "", "reorder_point=-1: out of range: want 0 to 10,000,000 units"},
		// issue 12: the dashboard stripped every comma (4,0 saved 40, 1,2,3
		// saved 123) and the field's CharLimit dropped a 10th digit
		{FieldReorderPoint, "4,0", "", "reorder_point=4,0: use a point for decimals: 4.0 (commas group thousands: 1,200)"},
		{FieldReorderPoint, "1,2,3", "", "reorder_point=1,2,3: commas go between groups of three digits"},
		{FieldReorderPoint, "12,00", "", "use a point for decimals: 12.00"},
		{FieldReorderPoint, "1000000000", "", "reorder_point=1000000000: out of range: want 0 to 10,000,000 units"},
		{FieldReorderPoint, "10,000,000", "10000000", ""},
		{FieldReorderPoint, "10,000,001", "", "reorder_point=10,000,001: out of range: want 0 to 10,000,000 units"},
		{FieldReorderPoint, "ten", "", "reorder_point=ten: not a number"},
		{FieldReorderPoint, "", "", ""},
		{FieldReorderPoint, " 42 ", "42", ""},
		{FieldReorderPoint, "42.0", "42", ""},
		{FieldReorderPoint, "42.5", "", "reorder_point=42.5: want a whole number, 0 to 10,000,000 units"},
		{FieldReorderPoint, "1 200", "", "not a number"},
		{FieldReorderPoint, "1e3", "", "not a number"},
		{FieldReorderPoint, "0x10", "", "not a number"},
		{FieldLeadTime, "21d", "21", ""},
		{FieldLeadTime, " 21 days ", "21", ""},
		{FieldLeadTime, "3w", "21", ""},
		{FieldLeadTime, "1.5W", "10.5", ""},
		{FieldLeadTime, "010", "10", ""},
		{FieldLeadTime, "auto", "", ""},
		{FieldLeadTime, "Default", "", ""},
		{FieldLeadTime, "", "", ""},
		{FieldLeadTime, "0", "", "lead_time_days=0: a lead time of 0 would mean the supplier's: want above 0 to 730 days"},
		{FieldLeadTime, "0w", "", "a lead time of 0 would mean the supplier's"},
		{FieldLeadTime, "-3", "", "lead_time_days=-3: out of range: want above 0 to 730 days"},
		{FieldLeadTime, "730", "730", ""},
		{FieldLeadTime, "731d", "", "lead_time_days=731d: out of range: want above 0 to 730 days"},
		{FieldLeadTime, "105w", "", "out of range"}, // 735 days
		{FieldLeadTime, "NaN", "", "not a number: want days such as 10.5"},
		{FieldLeadTime, "1e3", "", "not a number"},
		{FieldLeadTime, "3x", "", "not a number"},
		{FieldLeadTime, "1,5", "", "use a point for decimals: 1.5"},
		{FieldServiceLevel, "97.5%", "0.975", ""},
		{FieldServiceLevel, "97.5 %", "0.975", ""},
		{FieldServiceLevel, "97.5", "0.975", ""},
		{FieldServiceLevel, "0.975", "0.975", ""},
		{FieldServiceLevel, "99.9", "0.999", ""}, // 99.9/100 is 0.9990000000000001 in binary
		{FieldServiceLevel, "50%", "0.5", ""},
		{FieldServiceLevel, "AUTO", "", ""},
		{FieldServiceLevel, "99.9%", "0.999", ""},
		{FieldServiceLevel, "99.95%", "", "service_level=99.95%: out of range: want 50 to 99.9 %"},
		{FieldServiceLevel, "0.9995", "", "out of range: want 50 to 99.9 %"},
		{FieldServiceLevel, "100", "", "service_level=100: out of range: want 50 to 99.9 % (no finite safety stock reaches 100 %)"},
		{FieldServiceLevel, "1", "", "no finite safety stock reaches 100 %"},
		{FieldServiceLevel, "0.3", "", "below 50 % the safety stock would be negative"},
		{FieldServiceLevel, "49.9%", "", "out of range: want 50 to 99.9 %"},
		{FieldServiceLevel, "0", "", "below 50 %"},
		{FieldServiceLevel, "97,5%", "", "use a point for decimals: 97.5"},
		{FieldServiceLevel, "high", "", "service_level=high: not a number: want a service level such as 97.5%"},
		{FieldRounding, "Nearest", "nearest", ""},
		{FieldRounding, "down", "down", ""},
		{FieldRounding, "auto", "", ""},
		{FieldRounding, "sideways", "", "rounding=sideways: want up, nearest or down"},
		{FieldReviewDays, "7", "7", ""},
		{FieldReviewDays, "0", "", "review_days=0: out of range: want 1 to 365 days"},
		{FieldReviewDays, "366", "", "out of range: want 1 to 365 days"},
		{FieldReviewDays, "7.5", "", "want a whole number"},
		{FieldOrderQty, "1,200", "1200", ""},
		{FieldOrderQty, "1,234,567", "1234567", ""}, // 12,345,678 was taken before the ranges
		{FieldOrderQty, "0", "0", ""},
		{FieldOrderQty, "", "", ""},
		{FieldOrderQty, "12,00", "", "order_qty=12,00: use a point for decimals: 12.00"},
		{FieldOrderQty, "-1", "", "out of range"},
		{FieldOrderQty, "99999999999999999999", "", "out of range: want 0 to 10,000,000 units"},
		{FieldOrderQty, "1" + strings.Repeat("0", 400), "", "out of range"}, // beyond float64: +Inf
		{FieldOrderQty, "auto", "", ""},
		{FieldCasePack, "12", "12", ""},
		{FieldCasePack, "auto", "1", ""},
		{FieldCasePack, "", "1", ""},
		{FieldCasePack, "0", "", "case_pack=0: out of range: want 1 to 100,000 units"},
		{FieldCasePack, "100,001", "", "out of range: want 1 to 100,000 units"},
		{FieldMOQ, "0", "0", ""},
		{FieldMOQ, "default", "0", ""},
		{FieldMOQ, "2,400", "2400", ""},
		{FieldMOQ, "ten", "", "moq=ten: not a number"},
		{FieldMOQ, "10,000,001", "", "moq=10,000,001: out of range: want 0 to 10,000,000 units"},
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

func TestPolicyFieldHelpShowsTheRange(t *testing.T) {
	for f, want := range map[PolicyField]string{
		FieldReorderPoint: "0 to 10,000,000 units",
		FieldLeadTime:     "above 0 to 730 days",
		FieldServiceLevel: "50 to 99.9 %",
		FieldRounding:     "",
		FieldReviewDays:   "1 to 365 days",
		FieldOrderQty:     "0 to 10,000,000 units",
		FieldCasePack:     "1 to 100,000 units",
		FieldMOQ:          "0 to 10,000,000 units",
	} {
		if about, rng := PolicyFieldHelp(f); about == "" || rng != want {
			t.Errorf("%s: help %q range %q, want the range %q", f, about, rng, want)
		}
	}
	if about, _ := PolicyFieldHelp(FieldRounding); about != "rounding of the order to the case pack: up, nearest or down; auto = up" {
		t.Errorf("rounding help %q", about)
	}
	if about, rng := PolicyFieldHelp("colour"); about != "" || rng != "" {
		t.Error("an unknown field has no help")
	}
}

func TestMisplacedCommaHintStandsAlone(t *testing.T) {
	// the hint is the whole reason: no "want days …" tacked on after it
	for _, f := range []PolicyField{FieldLeadTime, FieldServiceLevel} {
		_, err := ParsePolicyValue(f, "4,0")
		if err == nil || !strings.HasSuffix(err.Error(), "use a point for decimals: 4.0 (commas group thousands: 1,200)") {
			t.Errorf("%s 4,0: %v", f, err)
		}
	}
}
