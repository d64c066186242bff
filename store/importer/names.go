package importer

import (
	"fmt"
	"strings"

	"stockroom/model"
	"stockroom/store"
)

// nameSet resolves names (case does not matter) to ids, giving names the
// catalogue does not know a placeholder id (negative) until the write adds
// them and real maps the placeholders to the ids they got.
type nameSet struct {
	byName map[string]int64 // lower-cased name → id
	added  []string         // new names, in the order met
	ids    map[int64]int64  // placeholder → real id, after the write
}

func newNameSet() *nameSet {
	return &nameSet{byName: map[string]int64{}, ids: map[int64]int64{}}
}

func (s *nameSet) known(name string, id int64) { s.byName[strings.ToLower(name)] = id }

func (s *nameSet) id(name string) int64 {
	key := strings.ToLower(name)
	if id, ok := s.byName[key]; ok {
		return id
	}
	s.added = append(s.added, name)
	id := -int64(len(s.added))
	s.byName[key] = id
	return id
}

// created records the real id of the i-th added name.
func (s *nameSet) created(i int, id int64) { s.ids[-int64(i+1)] = id }

// real is the id to write: a placeholder's real id once added.
func (s *nameSet) real(id int64) int64 {
	if id < 0 {
		return s.ids[id]
	}
	return id
}

// list names the first few added names.
func (s *nameSet) list() string {
	n := len(s.added)
	shown := make([]string, min(n, 5))
	for i := range shown {
		shown[i] = printable(s.added[i])
	}
	out := strings.Join(shown, ", ")
	if n > 5 {
		out += ", …"
	}
	return out
}

// supplierNames is the catalogue's suppliers by name; new names are added
// with default terms.
func (j *job) supplierNames() (*nameSet, error) {
	c, err := j.catalogue()
	if err != nil {
		return nil, err
	}
	s := newNameSet()
	for id, sp := range c.Suppliers {
		s.known(sp.Name, id)
	}
	return s, nil
}

func addSuppliers(b *store.Bulk, s *nameSet) error {
	for i, name := range s.added {
		sp := model.Supplier{Name: name, LeadTimeDays: model.DefaultLeadTimeDays, Currency: "EUR"}
		if err := b.AddSupplier(&sp); err != nil {
			return err
		}
		s.created(i, sp.ID)
	}
	return nil
}

func noteSuppliers(j *job, s *nameSet) {
	if n := len(s.added); n > 0 {
		j.res.Notes = append(j.res.Notes, fmt.Sprintf("%s added with a %d-day lead time (import suppliers to set their terms): %s",
			plural(n, "new supplier", "new suppliers"), model.DefaultLeadTimeDays, s.list()))
	}
}

// locationNames is the catalogue's locations by name, and a function
// giving the first one, with its name, which takes stock given without a
// location; a catalogue without locations gets one called "Main" when it
// is needed.
func (j *job) locationNames() (*nameSet, func() (int64, string), error) {
	c, err := j.catalogue()
	if err != nil {
		return nil, nil, err
	}
	s := newNameSet()
	for _, l := range c.Locations {
		s.known(l.Name, l.ID)
	}
	first := func() (int64, string) {
		if len(c.Locations) > 0 {
			return c.Locations[0].ID, c.Locations[0].Name
		}
		return s.id("Main"), "Main"
	}
	return s, first, nil
}

func addLocations(b *store.Bulk, s *nameSet) error {
	for i, name := range s.added {
		l := model.Location{Name: name}
		if err := b.AddLocation(&l); err != nil {
			return err
		}
		s.created(i, l.ID)
	}
	return nil
}
