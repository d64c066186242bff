package demo

// category is one department of the demo shop with what its products are
// called and how they sell.
type category struct {
	Name   string
	Code   string  // SKU prefix
	Weight float64 // share of the assortment
	Subs   []subcategory
	Brands []string
	// Variants end a product name: sizes, colours, pack sizes.
	Variants []string
	// Prices are drawn log-uniformly between these (EUR, incl. VAT).
	PriceLo, PriceHi float64
	CasePacks        []int
	// Peak is the day of the year when yearly-seasonal products sell most.
	Peak int
	// Seasonal scales how often the category's products are yearly-seasonal.
	Seasonal float64
	// Weekend is true when the category sells most at weekends (garden,
	// toys); otherwise its weekly-seasonal products peak on weekdays.
	Weekend bool
}

type subcategory struct {
	Name  string
	Nouns []string
}

// lines are model-line words that make product names distinct.
var lines = []string{"Alta", "Vista", "Pro", "Classic", "Eco", "Prime", "Core", "Flex", "Aero", "Nova", "Terra", "Lumen", "Basic", "Select"}

var categories = []category{
	{
		Name: "Footwear", Code: "FW", Weight: 12,
		Subs: []subcategory{
			{"Running shoes", []string{"Trail Runner", "Road Runner", "Race Flat"}},
			{"Hiking boots", []string{"Hiking Boot", "Trek Boot", "Approach Shoe"}},
			{"Sneakers", []string{"Court Sneaker", "Canvas Sneaker", "Retro Sneaker"}},
			{"Sandals", []string{"Sport Sandal", "Slide", "Flip Flop"}},
			{"Kids shoes", []string{"Kids Sneaker", "Kids Boot", "Velcro Shoe"}},
		},
		Brands:   []string{"Northpeak", "Stridewell", "Kestrel", "Urbanfoot", "Alpstep"},
		Variants: []string{"36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46"},
		PriceLo:  29, PriceHi: 159, CasePacks: []int{1, 1, 1, 6}, Peak: 110, Seasonal: 1,
	},
	{
		Name: "Outerwear", Code: "OW", Weight: 7,
		Subs: []subcategory{
			{"Rain jackets", []string{"Rain Jacket", "Shell Jacket", "Poncho"}},
			{"Down jackets", []string{"Down Jacket", "Puffer Vest", "Parka"}},
			{"Fleece", []string{"Fleece Jacket", "Fleece Pullover"}},
			{"Softshell", []string{"Softshell Jacket", "Wind Jacket"}},
		},
		Brands:   []string{"Northpeak", "Fjordline", "Stormhaven", "Weatherby"},
		Variants: []string{"XS", "S", "M", "L", "XL", "XXL"},
		PriceLo:  39, PriceHi: 299, CasePacks: []int{1, 1, 5}, Peak: 335, Seasonal: 2.5,
	},
	{
		Name: "Kitchen", Code: "KI", Weight: 10,
		Subs: []subcategory{
			{"Cookware", []string{"Frying Pan 28 cm", "Saucepan 20 cm", "Dutch Oven 24 cm", "Wok 32 cm"}},
			{"Knives", []string{"Chef Knife 20 cm", "Paring Knife", "Bread Knife", "Knife Block"}},
			{"Utensils", []string{"Spatula", "Whisk", "Ladle", "Tongs", "Peeler"}},
			{"Storage", []string{"Glass Container Set", "Spice Jar Set", "Bread Bin"}},
			{"Bakeware", []string{"Baking Tray", "Springform Pan 26 cm", "Muffin Tin"}},
		},
		Brands:   []string{"Culina", "Ferrosteel", "Kochwerk", "Maison Verte", "Oakhouse"},
		Variants: []string{"Black", "Steel", "Red", "Cream", "Graphite"},
		PriceLo:  4, PriceHi: 129, CasePacks: []int{1, 4, 6, 12}, Peak: 350, Seasonal: 0.7,
	},
	{
		Name: "Garden", Code: "GA", Weight: 8,
		Subs: []subcategory{
			{"Planters", []string{"Ceramic Planter", "Terracotta Pot", "Hanging Basket", "Raised Bed"}},
			{"Garden tools", []string{"Hand Trowel", "Pruning Shears", "Garden Fork", "Rake"}},
			{"Watering", []string{"Garden Hose 25 m", "Watering Can 10 l", "Hose Reel", "Sprinkler"}},
			{"Seeds", []string{"Tomato Seeds", "Basil Seeds", "Wildflower Mix", "Lawn Seed 1 kg"}},
			{"Garden furniture", []string{"Folding Chair", "Bistro Table", "Sun Lounger"}},
		},
		Brands:   []string{"Verde", "Greenlane", "Hortus", "Sunfield", "Rootwell"},
		Variants: []string{"S", "M", "L", "XL"},
		PriceLo:  2.5, PriceHi: 199, CasePacks: []int{1, 4, 10, 24}, Peak: 115, Seasonal: 3, Weekend: true,
	},
	{
		Name: "Toys", Code: "TO", Weight: 9,
		Subs: []subcategory{
			{"Building sets", []string{"Building Set", "Marble Run", "Brick Box"}},
			{"Puzzles", []string{"Puzzle 500", "Puzzle 1000", "Floor Puzzle"}},
			{"Plush", []string{"Plush Bear", "Plush Fox", "Plush Rabbit"}},
			{"Outdoor toys", []string{"Water Blaster", "Kite", "Sand Set"}},
			{"Board games", []string{"Family Game", "Card Game", "Strategy Game"}},
		},
		Brands:   []string{"Tumbletown", "Brightbox", "Kinderwerk", "Playfair"},
		Variants: []string{"Classic", "Deluxe", "Mini", "3+", "6+"},
		PriceLo:  5, PriceHi: 89, CasePacks: []int{1, 4, 6, 12}, Peak: 345, Seasonal: 2.5, Weekend: true,
	},
	{
		Name: "Beauty", Code: "BE", Weight: 8,
		Subs: []subcategory{
			{"Skin care", []string{"Face Cream", "Serum", "Cleansing Gel", "Sun Cream SPF 50"}},
			{"Hair care", []string{"Shampoo", "Conditioner", "Hair Oil"}},
			{"Body care", []string{"Body Lotion", "Shower Gel", "Hand Cream"}},
			{"Fragrance", []string{"Eau de Parfum", "Body Mist"}},
		},
		Brands:   []string{"Lumiere", "Puravita", "Saltwater & Co", "Botanica"},
		Variants: []string{"30 ml", "50 ml", "100 ml", "250 ml", "500 ml"},
		PriceLo:  3, PriceHi: 79, CasePacks: []int{1, 6, 12, 24}, Peak: 350, Seasonal: 0.8,
	},
	{
		Name: "Electronics accessories", Code: "EA", Weight: 10,
		Subs: []subcategory{
			{"Cables", []string{"USB-C Cable 1 m", "USB-C Cable 2 m", "HDMI Cable 2 m", "Lightning Cable"}},
			{"Chargers", []string{"Wall Charger 20 W", "Wall Charger 65 W", "Car Charger", "Power Bank 10000"}},
			{"Cases", []string{"Phone Case", "Tablet Sleeve", "Laptop Sleeve 14\""}},
			{"Audio", []string{"Earbuds", "Headphones", "Mini Speaker"}},
			{"Peripherals", []string{"Wireless Mouse", "Keyboard", "Webcam"}},
		},
		Brands:   []string{"Voltline", "Nexa", "Cablecraft", "Soundbay", "Pixelgear"},
		Variants: []string{"Black", "White", "Grey", "Blue"},
		PriceLo:  5, PriceHi: 129, CasePacks: []int{1, 5, 10, 20}, Peak: 330, Seasonal: 0.8,
	},
	{
		Name: "Home textiles", Code: "HT", Weight: 8,
		Subs: []subcategory{
			{"Bed linen", []string{"Duvet Cover 135x200", "Pillowcase 80x80", "Fitted Sheet 90x200"}},
			{"Towels", []string{"Bath Towel", "Hand Towel", "Beach Towel"}},
			{"Curtains", []string{"Curtain 140x245", "Sheer Curtain"}},
			{"Throws and cushions", []string{"Throw Blanket", "Cushion Cover 50x50"}},
		},
		Brands:   []string{"Linnea", "Cottonfield", "Hearthside", "Nordweave"},
		Variants: []string{"White", "Sand", "Sage", "Navy", "Anthracite"},
		PriceLo:  8, PriceHi: 119, CasePacks: []int{1, 2, 4, 10}, Peak: 20, Seasonal: 1,
	},
	{
		Name: "Pet", Code: "PE", Weight: 7,
		Subs: []subcategory{
			{"Dog food", []string{"Dry Food 2 kg", "Dry Food 12 kg", "Wet Food 6x400 g", "Dog Treats"}},
			{"Cat food", []string{"Dry Food 1.5 kg", "Wet Food 12x85 g", "Cat Treats"}},
			{"Pet toys", []string{"Rope Toy", "Ball Launcher", "Cat Teaser"}},
			{"Beds", []string{"Pet Bed", "Pet Blanket"}},
			{"Litter", []string{"Clumping Litter 10 l", "Litter Box"}},
		},
		Brands:   []string{"Pawsome", "Happy Tails", "Furrwell", "Barkley"},
		Variants: []string{"Chicken", "Salmon", "Lamb", "S", "M", "L"},
		PriceLo:  2, PriceHi: 89, CasePacks: []int{1, 4, 6, 12}, Peak: 180, Seasonal: 0.3,
	},
	{
		Name: "Sports", Code: "SP", Weight: 8,
		Subs: []subcategory{
			{"Fitness", []string{"Yoga Mat", "Resistance Band Set", "Kettlebell 12 kg", "Dumbbell Pair 5 kg"}},
			{"Cycling", []string{"Bike Light Set", "Bike Lock", "Cycling Gloves", "Bottle Cage"}},
			{"Ball sports", []string{"Football", "Basketball", "Volleyball"}},
			{"Swimming", []string{"Swim Goggles", "Swim Cap"}},
			{"Camping", []string{"Tent 2P", "Sleeping Bag", "Camping Stove"}},
		},
		Brands:   []string{"Sportiva", "Ironleaf", "Velocity", "Summitline"},
		Variants: []string{"Black", "Blue", "Red", "Green", "Size 4", "Size 5"},
		PriceLo:  5, PriceHi: 249, CasePacks: []int{1, 2, 6, 10}, Peak: 170, Seasonal: 1.5, Weekend: true,
	},
	{
		Name: "Stationery", Code: "ST", Weight: 6,
		Subs: []subcategory{
			{"Notebooks", []string{"Notebook A5 Dotted", "Notebook A4 Ruled", "Pocket Notebook"}},
			{"Pens", []string{"Gel Pen Set", "Fountain Pen", "Fineliner Set"}},
			{"Office", []string{"Stapler", "Desk Organiser", "Ring Binder"}},
			{"Art supplies", []string{"Sketchbook", "Watercolour Set", "Coloured Pencils 24"}},
		},
		Brands:   []string{"Papeterie", "Inkwell", "Scriptum", "Quillon"},
		Variants: []string{"Black", "Blue", "Kraft", "Assorted"},
		PriceLo:  1.5, PriceHi: 59, CasePacks: []int{1, 5, 10, 25}, Peak: 240, Seasonal: 1,
	},
	{
		Name: "Food & drink", Code: "FD", Weight: 7,
		Subs: []subcategory{
			{"Coffee", []string{"Espresso Beans 1 kg", "Filter Coffee 500 g", "Coffee Pods 30"}},
			{"Tea", []string{"Green Tea 100 g", "Earl Grey 50 Bags", "Herbal Tea"}},
			{"Snacks", []string{"Trail Mix 200 g", "Dark Chocolate 100 g", "Protein Bar Box"}},
			{"Pantry", []string{"Olive Oil 750 ml", "Pasta 500 g", "Honey 500 g"}},
		},
		Brands:   []string{"Bean & Leaf", "Gourmetta", "Alpine Pantry", "Roastery 47"},
		Variants: []string{"Single", "3-pack", "6-pack", "Organic"},
		PriceLo:  2, PriceHi: 39, CasePacks: []int{1, 6, 12, 24}, Peak: 350, Seasonal: 0.8,
	},
}

// supplierSpec is a demo supplier: where it ships from decides its lead
// time range, and it specialises in a few categories.
type supplierSpec struct {
	Name, Domain       string
	LeadLo, LeadHi     int      // days
	Categories         []string // nil for a generalist wholesaler
	SpreadLo, SpreadHi float64  // lead-time sd as a share of the lead time
}

var supplierSpecs = []supplierSpec{
	{"Alpenrand Sportwaren GmbH", "alpenrand.example", 4, 10, []string{"Sports", "Footwear"}, 0, 0.2},
	{"Nordic Footwear AB", "nordicfootwear.example", 7, 16, []string{"Footwear"}, 0.05, 0.25},
	{"Fjord Outdoor AS", "fjordoutdoor.example", 10, 21, []string{"Outerwear", "Sports"}, 0.05, 0.25},
	{"Huber Textil GmbH", "huber-textil.example", 5, 12, []string{"Outerwear", "Home textiles"}, 0, 0.2},
	{"Casa Cucina S.r.l.", "casacucina.example", 8, 18, []string{"Kitchen"}, 0.05, 0.3},
	{"Ferro Kitchenware Ltd", "ferrokitchen.example", 35, 56, []string{"Kitchen"}, 0.1, 0.3},
	{"Gartenwelt Müller KG", "gartenwelt.example", 3, 7, []string{"Garden"}, 0, 0.15},
	{"Verde Growers BV", "verdegrowers.example", 6, 14, []string{"Garden"}, 0.05, 0.3},
	{"Toyland Trading Ltd", "toyland.example", 40, 60, []string{"Toys"}, 0.1, 0.25},
	{"Kinderwerk Spielwaren GmbH", "kinderwerk.example", 5, 12, []string{"Toys", "Stationery"}, 0, 0.2},
	{"Belle Cosmetics SAS", "bellecosmetics.example", 7, 14, []string{"Beauty"}, 0.05, 0.2},
	{"Botanica Labs BV", "botanicalabs.example", 10, 20, []string{"Beauty"}, 0.05, 0.3},
	{"Shenzhen Voltline Co. Ltd", "voltline.example", 42, 60, []string{"Electronics accessories"}, 0.1, 0.3},
	{"Nexa Electronics GmbH", "nexa.example", 3, 8, []string{"Electronics accessories"}, 0, 0.2},
	{"Linnea Home Textiles Sp. z o.o.", "linnea.example", 10, 21, []string{"Home textiles"}, 0.05, 0.3},
	{"Baltic Linen UAB", "balticlinen.example", 14, 28, []string{"Home textiles"}, 0.05, 0.3},
	{"Pawsome Pet Supplies Ltd", "pawsome.example", 5, 12, []string{"Pet"}, 0, 0.2},
	{"Tierfutter Schmidt GmbH", "tierfutter.example", 3, 6, []string{"Pet", "Food & drink"}, 0, 0.15},
	{"Velocity Sports SL", "velocitysports.example", 14, 30, []string{"Sports"}, 0.05, 0.3},
	{"Papeterie Lyon SARL", "papeterie.example", 7, 14, []string{"Stationery"}, 0, 0.2},
	{"Scriptum Büro GmbH", "scriptum.example", 3, 7, []string{"Stationery"}, 0, 0.15},
	{"Bean & Leaf Roasters Ltd", "beanandleaf.example", 5, 10, []string{"Food & drink"}, 0, 0.2},
	{"Alpine Pantry GmbH", "alpinepantry.example", 4, 9, []string{"Food & drink"}, 0, 0.2},
	{"Central Wholesale Europe BV", "centralwholesale.example", 10, 25, nil, 0.05, 0.3},
	{"Iberia Trade Group SA", "iberiatrade.example", 20, 40, nil, 0.1, 0.35},
}

// locationNames are the demo shop's stock locations; the first is the
// online shop's warehouse, the second a shop that carries part of the range.
var locationNames = []string{"Main warehouse", "Store Leipzig"}
