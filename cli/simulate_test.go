package cli

import (
	"database/sql"
	"encoding/csv"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"stockroom/planner"
)

// simulate prints, per class and overall, one line per policy with CSL and
// fill as percentages; the class lines' SKUs add up to the overall line's.
// A window past the last sales day (2026-05-25 + 182 days = 2026-11-23,
// the demo ends 2026-11-22) is cut there, and the header says so.
func TestSimulatePrintsPoliciesPerClass(t *testing.T) {
	path := demoDB(t)
	out, err := executeOut(t, "simulate", "--db", path, "--as-of", "2026-05-25", "--weeks", "26")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Replay as of 2026-05-25 over 181 days (2026-05-26 to 2026-11-22)") {
		t.Errorf("header:\n%s", out)
	}
	line := regexp.MustCompile(`(?m)^(A|B|C|all) +(stockroom|min/max 13w|normal 52w) +([\d,]+) +([\d.]+)% +([\d.]+)%(\*?) +([\d.]+)% +(-|n/a|[\d.]+%) +([\d,]+) +([\d.]+|999\+) +([\d,]+) +([\d,]+)$`)
	skus := map[string]int{}
	lines, starred := 0, false
	for _, m := range line.FindAllStringSubmatch(out, -1) {
		lines++
		for _, pct := range []string{m[4], m[5], m[7]} {
			if v := num(t, pct); v < 0 || v > 100 {
				t.Errorf("%s %s: %s %% is not a share", m[1], m[2], pct)
			}
		}
		starred = starred || m[6] == "*"
		// the tool has no fill at its own inventory; a baseline's is a share
		if tool := m[2] == "stockroom"; tool != (m[8] == "-") {
			t.Errorf("%s %s: fill@tool %q", m[1], m[2], m[8])
		} else if strings.HasSuffix(m[8], "%") {
			if v := num(t, strings.TrimSuffix(m[8], "%")); v < 0 || v > 100 {
				t.Errorf("%s %s: fill@tool %s", m[1], m[2], m[8])
			}
		}
		n := int(num(t, strings.ReplaceAll(m[3], ",", "")))
		if m[1] == "all" {
			skus[m[2]+" all"] += n
		} else {
			skus[m[2]] += n
		}
	}
	if lines < 6 {
		t.Fatalf("%d policy lines:\n%s", lines, out)
	}
	// a starred CSL, and only then, has its footnote
	if note := strings.Contains(out, "* fewer than 20 replenishment cycles"); note != starred {
		t.Errorf("starred CSL %v, footnote %v:\n%s", starred, note, out)
	}
	for _, p := range planner.SimulationPolicies {
		if skus[p] != skus[p+" all"] || skus[p] == 0 {
			t.Errorf("%s: classes hold %d SKUs, overall %d", p, skus[p], skus[p+" all"])
		}
	}
}

func TestSimulateRefusesBadWindows(t *testing.T) {
	path := demoDB(t)
	for _, args := range [][]string{
		{"--weeks", "0"},
		{"--weeks", "-3"},
		{"--as-of", "2026-11-22"}, // the last sales day: nothing after it
		{"--as-of", "2027-01-01"},
		{"--as-of", "2020-01-01"}, // before the first sales: nothing to plan from
		{"--as-of", "25/05/2026"},
		{"--warmup", "53"},
		{"--warmup", "-1"},
		{"--format", "json"},
	} {
		err := execute(t, append([]string{"simulate", "--db", path}, args...)...)
		if err == nil || !isUsage(err) {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
}

// --warmup starts the policies that many weeks before the day after as-of
// (2026-05-26 − 26 weeks = 2025-11-25) and says so; without it the header
// says there is none.
func TestSimulateWarmupHeader(t *testing.T) {
	path := demoDB(t)
	out, err := executeOut(t, "simulate", "--db", path, "--as-of", "2026-05-25", "--weeks", "4", "--warmup", "26")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "over 4 weeks (2026-05-26 to 2026-06-22)") || !strings.Contains(out, "Each policy starts at S on 2025-11-25: 26 weeks of warm-up, not measured.") {
		t.Errorf("header:\n%s", out)
	}
	out, err = executeOut(t, "simulate", "--db", path, "--as-of", "2026-05-25", "--weeks", "4")
	if err != nil || !strings.Contains(out, "(no warm-up)") {
		t.Errorf("%v:\n%s", err, out)
	}
}

// The CSV holds the text's numbers as fractions, one row per class and
// policy; the overall rows pool the class rows: SKUs, cycles, failed
// cycles and orders add up, and fill is served ÷ demanded of the sums.
func TestSimulateCSV(t *testing.T) {
	path := demoDB(t)
	out, err := executeOut(t, "simulate", "--db", path, "--as-of", "2026-05-25", "--weeks", "13", "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != strings.Join(simulationCSVHeader, ",") {
		t.Fatalf("header %v", recs[0])
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	sums := map[string][4]float64{}
	all := map[string][]string{}
	for _, r := range recs[1:] {
		if r[col["class"]] == "all" {
			all[r[col["policy"]]] = r
			continue
		}
		s := sums[r[col["policy"]]]
		for i, h := range []string{"skus", "cycles", "failed_cycles", "orders"} {
			s[i] += num(t, r[col[h]])
		}
		sums[r[col["policy"]]] = s
		if atTool := r[col["fill_at_tool_inventory"]]; (r[col["policy"]] == "stockroom") != (atTool == "") {
			t.Errorf("%v: fill_at_tool_inventory %q", r, atTool)
		}
	}
	for _, p := range planner.SimulationPolicies {
		r := all[p]
		if r == nil {
			t.Fatalf("no overall row for %s:\n%s", p, out)
		}
		for i, h := range []string{"skus", "cycles", "failed_cycles", "orders"} {
			if got := num(t, r[col[h]]); got != sums[p][i] {
				t.Errorf("%s overall %s %v, classes add to %v", p, h, got, sums[p][i])
			}
		}
		fill := num(t, r[col["units_served"]]) / num(t, r[col["units_demanded"]])
		if math.Abs(fill-num(t, r[col["fill"]])) > 1e-3 || fill <= 0 || fill > 1 {
			t.Errorf("%s overall fill %s, served ÷ demanded %v", p, r[col["fill"]], fill)
		}
	}
}

// A SKU launched after the as-of day is not replayed: the plan of that
// day has nothing for it (no history, no forecast), so its lost sales
// would judge a plan that never saw it. The header counts them, as an SQL
// count over products says, and the classes hold the SKUs left.
func TestSimulateLeavesOutSKUsLaunchedAfterAsOf(t *testing.T) {
	path := demoDB(t)
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var later, discontinued, total int
	err = db.QueryRow(`SELECT
		count(*) FILTER (WHERE status = 'active' AND launched_on > '2026-05-25'),
		count(*) FILTER (WHERE status = 'discontinued'),
		count(*) FROM products`).Scan(&later, &discontinued, &total)
	if err != nil {
		t.Fatal(err)
	}
	if later == 0 {
		t.Fatal("the demo launches no SKU after 2026-05-25: the test proves nothing")
	}
	out, err := executeOut(t, "simulate", "--db", path, "--as-of", "2026-05-25", "--weeks", "26")
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("%d SKUs launched after 2026-05-25, not replayed", later)
	if later == 1 {
		want = "1 SKU launched after 2026-05-25, not replayed"
	}
	if !strings.Contains(out, want) {
		t.Errorf("want %q in:\n%s", want, out)
	}
	all := regexp.MustCompile(`(?m)^all +stockroom +([\d,]+) `).FindStringSubmatch(out)
	if all == nil {
		t.Fatalf("no overall line:\n%s", out)
	}
	if got := int(num(t, strings.ReplaceAll(all[1], ",", ""))); got != total-discontinued-later {
		t.Errorf("replayed %d SKUs, want %d − %d discontinued − %d launched later = %d", got, total, discontinued, later, total-discontinued-later)
	}
}

// --replan 4 plans the catalogue again every 4 weeks of the 181 days: six
// times (2026-06-22 … 2026-11-09), and the header says so. The tool's
// policy and the baselines (estimated again at each re-plan) change; the
// SKUs replayed do not.
func TestSimulateReplan(t *testing.T) {
	path := demoDB(t)
	once, err := executeOut(t, "simulate", "--db", path, "--as-of", "2026-05-25", "--weeks", "26")
	if err != nil {
		t.Fatal(err)
	}
	again, err := executeOut(t, "simulate", "--db", path, "--as-of", "2026-05-25", "--weeks", "26", "--replan", "4")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(once, "The tool's policy is planned once, as of that day (no re-planning).") {
		t.Errorf("without --replan:\n%s", once)
	}
	if !strings.Contains(again, "The tool's policy is planned again every 4 weeks (6 re-plans, 2026-06-22 to 2026-11-09), each plan in force from the day after; the baselines are estimated again with it.") {
		t.Errorf("with --replan 4:\n%s", again)
	}
	lines := func(out, policy string) []string {
		return regexp.MustCompile(`(?m)^(A|B|C|all) +`+regexp.QuoteMeta(policy)+` .*$`).FindAllString(out, -1)
	}
	skus := func(ls []string) []string {
		var out []string
		for _, l := range ls {
			out = append(out, strings.Join(strings.Fields(l)[:3], " "))
		}
		return out
	}
	for _, p := range planner.SimulationPolicies {
		a, b := lines(once, p), lines(again, p)
		if len(a) == 0 || slices.Equal(a, b) {
			t.Errorf("%s: the lines did not change with --replan:\n%s", p, strings.Join(b, "\n"))
		}
		if !slices.Equal(skus(a), skus(b)) {
			t.Errorf("%s: classes and SKUs %v with --replan, %v without", p, skus(b), skus(a))
		}
	}
}

func TestSimulateRefusesBadReplans(t *testing.T) {
	path := demoDB(t)
	for _, args := range [][]string{
		{"--replan", "-1"},
		{"--replan", "26"}, // not shorter than the window: never re-plans
		{"--replan", "27"},
		{"--replan", "four"},
		{"--replan", "4.5"},
		{"--replan", ""},
		{"--replan", "1,000"},
		{"--weeks", "4", "--replan", "4"},
		{"--weeks", "1", "--replan", "1"},
		// a 10-week window cut at the last sales day to 21 days: every 3
		// weeks never comes
		{"--as-of", "2026-11-01", "--weeks", "10", "--replan", "3"},
	} {
		err := execute(t, append([]string{"simulate", "--db", path}, args...)...)
		if err == nil || !isUsage(err) {
			t.Errorf("%v: %v, want a usage error", args, err)
		} else if !strings.Contains(err.Error(), "replan") {
			t.Errorf("%v: %v does not name --replan", args, err)
		}
	}
}

// A replay shorter than most cycles counts mostly the open spans that
// already lost a sale: two weeks of the demo give shares over a handful of
// cycles, which are starred and footnoted, not passed off as a service
// level.
func TestSimulateStarsAServiceLevelOverFewCycles(t *testing.T) {
	path := demoDB(t)
	out, err := executeOut(t, "simulate", "--db", path, "--as-of", "2026-11-08", "--weeks", "2")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^all +stockroom +[\d,]+ +[\d.]+% +[\d.]+%\* `).MatchString(out) ||
		!strings.Contains(out, "* fewer than 20 replenishment cycles: too few for a service level; replay more weeks.") {
		t.Errorf("two weeks, few cycles, no star:\n%s", out)
	}
}
