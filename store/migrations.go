package store

// migrations[i] moves a catalogue from schema version i to i+1. Never edit a
// migration that has shipped; append a new one.
var migrations = []string{
	// 1: the catalogue of DESIGN.md section 4. Sales are keyed by product id
	// and an integer day (days since 1970-01-01) to keep the largest tables small.
	`
CREATE TABLE settings (
	name  TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE suppliers (
	id                INTEGER PRIMARY KEY,
	name              TEXT NOT NULL UNIQUE,
	email             TEXT NOT NULL DEFAULT '',
	lead_time_days    REAL NOT NULL DEFAULT 14 CHECK (lead_time_days >= 0),
	lead_time_sd_days REAL NOT NULL DEFAULT 0 CHECK (lead_time_sd_days >= 0),
	order_cost        REAL NOT NULL DEFAULT 0 CHECK (order_cost >= 0),
	min_order_value   REAL NOT NULL DEFAULT 0 CHECK (min_order_value >= 0),
	currency          TEXT NOT NULL DEFAULT 'EUR'
);

CREATE TABLE locations (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE
);

CREATE TABLE products (
	id           INTEGER PRIMARY KEY,
	sku          TEXT NOT NULL UNIQUE,
	name         TEXT NOT NULL DEFAULT '',
	category     TEXT NOT NULL DEFAULT '',
	subcategory  TEXT NOT NULL DEFAULT '',
	brand        TEXT NOT NULL DEFAULT '',
	supplier_id  INTEGER REFERENCES suppliers(id),
	unit_cost    REAL NOT NULL DEFAULT 0 CHECK (unit_cost >= 0),
	price        REAL NOT NULL DEFAULT 0 CHECK (price >= 0),
	case_pack    INTEGER NOT NULL DEFAULT 1 CHECK (case_pack >= 1),
	moq          INTEGER NOT NULL DEFAULT 0 CHECK (moq >= 0),
	status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'discontinued')),
	launched_on  TEXT,
	data_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX products_supplier ON products(supplier_id);

CREATE TABLE stock (
	product_id  INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
	location_id INTEGER NOT NULL REFERENCES locations(id),
	on_hand     INTEGER NOT NULL DEFAULT 0,
	committed   INTEGER NOT NULL DEFAULT 0 CHECK (committed >= 0),
	updated_at  TEXT NOT NULL,
	PRIMARY KEY (product_id, location_id)
) WITHOUT ROWID;

CREATE TABLE sales_daily (
	product_id        INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
	day               INTEGER NOT NULL,
	units             INTEGER NOT NULL CHECK (units >= 0),
	revenue           REAL NOT NULL DEFAULT 0,
	in_stock_fraction REAL CHECK (in_stock_fraction BETWEEN 0 AND 1),
	PRIMARY KEY (product_id, day)
) WITHOUT ROWID;

-- The weekly rollup holds one row per product with little-endian float32
-- arrays, one element per ISO week from first_week (a Monday, as a day
-- number): reading ten million week rows would cost seconds at every start.
CREATE TABLE sales_weekly (
	product_id    INTEGER PRIMARY KEY REFERENCES products(id) ON DELETE CASCADE,
	first_week    INTEGER NOT NULL,
	units         BLOB NOT NULL,
	revenue       BLOB NOT NULL,
	in_stock_days BLOB NOT NULL,
	last_sale_day INTEGER,          -- last day with units > 0
	last_day      INTEGER NOT NULL  -- last day with any sales_daily row
);
CREATE INDEX sales_weekly_last_day ON sales_weekly(last_day);

CREATE TABLE purchase_orders (
	id          INTEGER PRIMARY KEY,
	supplier_id INTEGER NOT NULL REFERENCES suppliers(id),
	status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'received', 'cancelled')),
	created_at  TEXT NOT NULL,
	sent_at     TEXT,
	expected_at TEXT,
	received_at TEXT
);
CREATE INDEX purchase_orders_status ON purchase_orders(status);

CREATE TABLE po_lines (
	po_id        INTEGER NOT NULL REFERENCES purchase_orders(id) ON DELETE CASCADE,
	product_id   INTEGER NOT NULL REFERENCES products(id),
	qty          INTEGER NOT NULL CHECK (qty > 0),
	unit_cost    REAL NOT NULL DEFAULT 0,
	received_qty INTEGER NOT NULL DEFAULT 0 CHECK (received_qty >= 0),
	PRIMARY KEY (po_id, product_id)
) WITHOUT ROWID;
CREATE INDEX po_lines_product ON po_lines(product_id);

CREATE TABLE policies (
	product_id     INTEGER PRIMARY KEY REFERENCES products(id) ON DELETE CASCADE,
	reorder_point  INTEGER CHECK (reorder_point >= 0),
	service_level  REAL CHECK (service_level > 0 AND service_level < 1),
	lead_time_days REAL CHECK (lead_time_days >= 0),
	review_days    INTEGER CHECK (review_days > 0),
	rounding       TEXT CHECK (rounding IN ('up', 'nearest', 'down')),
	updated_at     TEXT,
	updated_by     TEXT
);

-- One cached forecast per product, valid while data_version, as_of and
-- engine match: opening the dashboard reads these small rows instead of
-- every sales history. recent_units holds the weekly units of the weeks
-- before as_of (float32, oldest first, the last starting at recent_first_week
-- + 7·(n−1)) for sparklines; last_sale_day feeds the dead-stock status.
CREATE TABLE forecasts (
	product_id        INTEGER PRIMARY KEY REFERENCES products(id) ON DELETE CASCADE,
	data_version      INTEGER NOT NULL,
	as_of             INTEGER NOT NULL,
	engine            TEXT NOT NULL,
	method            TEXT NOT NULL,
	demand_class      TEXT NOT NULL DEFAULT '',
	params            TEXT NOT NULL DEFAULT '{}',
	horizon           BLOB NOT NULL,
	residual_sd       REAL NOT NULL,
	backtest_error    REAL,
	recent_first_week INTEGER NOT NULL,
	recent_units      BLOB NOT NULL,
	last_sale_day     INTEGER,
	computed_at       TEXT NOT NULL
);

CREATE TABLE audit_log (
	id        INTEGER PRIMARY KEY,
	at        TEXT NOT NULL,
	who       TEXT NOT NULL,
	entity    TEXT NOT NULL,
	entity_id TEXT NOT NULL,
	field     TEXT NOT NULL,
	old       TEXT,
	new       TEXT
);
`,
	// 2: the forecasting engine's error model, so that the demand
	// distribution over any horizon can be rebuilt from the cache.
	`ALTER TABLE forecasts ADD COLUMN psi BLOB NOT NULL DEFAULT x'';`,
	// 3: a purchase order's reference in the PM's own system, so that
	// importing the same file again updates the order instead of adding it.
	`ALTER TABLE purchase_orders ADD COLUMN reference TEXT;
CREATE UNIQUE INDEX purchase_orders_reference ON purchase_orders(reference) WHERE reference IS NOT NULL;`,
	// 4: replenishment. A PM's own order quantity for a SKU's next order
	// (NULL = the suggestion), cleared when it goes onto a purchase order;
	// and each cached forecast's trailing-52-week revenue and units, read
	// from the history when the forecast is made, for ABC classes without
	// reading every history at start.
	`ALTER TABLE policies ADD COLUMN order_qty INTEGER CHECK (order_qty >= 0);
ALTER TABLE forecasts ADD COLUMN revenue_52w REAL NOT NULL DEFAULT 0;
ALTER TABLE forecasts ADD COLUMN units_52w REAL NOT NULL DEFAULT 0;`,
	// 5: each cached forecast's demand statistics over the same history
	// (CV of weekly demand over 52 weeks, NULL when undefined; in-stock days
	// of those 364; smoothed sale probability now and 26 weeks before), for
	// the Assortment and Risk panes without reading every history at start.
	`ALTER TABLE forecasts ADD COLUMN demand_cv_52w REAL;
ALTER TABLE forecasts ADD COLUMN in_stock_days_52w REAL NOT NULL DEFAULT 364;
ALTER TABLE forecasts ADD COLUMN sale_prob REAL NOT NULL DEFAULT 0;
ALTER TABLE forecasts ADD COLUMN sale_prob_before REAL NOT NULL DEFAULT 0;`,
	// 6: the variance of the forecast's starting level (forecast.Result.
	// LevelVar), which widens the demand distribution over long horizons.
	`ALTER TABLE forecasts ADD COLUMN level_var REAL NOT NULL DEFAULT 0;`,
	// 7: the mean demand of a week that sold (forecast.Result.SaleSize),
	// the least an order of a sporadic SKU tops up.
	`ALTER TABLE forecasts ADD COLUMN sale_size REAL NOT NULL DEFAULT 0;`,
	// 8: a cached forecast's numbers in one blob (store/forecast_figures.go)
	// instead of twenty columns, which the first frame paid for column by
	// column: a second of CPU a million SKUs. The cache is rebuilt, not
	// converted: engine auto/10 recomputes every row anyway.
	`DROP TABLE forecasts;
CREATE TABLE forecasts (
	product_id   INTEGER PRIMARY KEY REFERENCES products(id) ON DELETE CASCADE,
	data_version INTEGER NOT NULL,
	as_of        INTEGER NOT NULL,
	engine       TEXT NOT NULL,
	method       TEXT NOT NULL,
	figures      BLOB NOT NULL,
	computed_at  TEXT NOT NULL
);`,
}

// SchemaVersion is the newest schema this build knows.
var SchemaVersion = len(migrations)
