package store

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	"stockroom/model"
)

// An open dashboard notices what other processes commit: PRAGMA
// data_version on the writer connection (write.go) changes when, and only
// when, another connection has committed, so one cheap query a second
// suffices while nothing happens. When it has changed, the audit_log rows
// after the last one seen say what changed; those this handle wrote itself
// are left out.

// watchState is the watch's cursor.
type watchState struct {
	marked    bool
	version   int64 // data_version last read on the writer
	auditSeen int64 // highest audit_log id looked at
}

// maxWatchRows bounds the audit rows one look reads: beyond it (a script
// changing thousands of SKUs) the caller reloads everything anyway.
const maxWatchRows = 1000

// Changes are commits by other connections since the last look.
type Changes struct {
	// Any is true when another connection committed anything.
	Any bool
	// Entries are their audit rows, oldest first; a commit without audit
	// rows (forecasts cached by another process) leaves Any alone true.
	Entries []model.AuditEntry
	// More is true when there were more rows than Entries holds.
	More bool
	// Superseded counts their audit rows left out of Entries because this
	// handle wrote the same value again afterwards (saving over a conflict
	// it was shown): old news.
	Superseded int
	// Products are the ids of the SKUs the entries name: policy and
	// product rows by SKU, purchase-order rows by the order's lines.
	Products []int64
}

// MarkSeen starts watching from now: what is committed before this call is
// taken as seen. Call it before reading what a later Changes is measured
// against.
func (s *Store) MarkSeen(ctx context.Context) error {
	if err := s.acquire(ctx); err != nil {
		return err
	}
	defer s.release()
	return s.mark(ctx)
}

func (s *Store) mark(ctx context.Context) error {
	c := s.w.conn
	var version, seen int64
	if err := c.QueryRowContext(ctx, "PRAGMA data_version").Scan(&version); err != nil {
		return err
	}
	if err := c.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM audit_log").Scan(&seen); err != nil {
		return err
	}
	s.w.watch = watchState{marked: true, version: version, auditSeen: seen}
	return nil
}

// Changes reports what other connections committed since the last call
// (or MarkSeen). While this handle is writing it reports nothing: the next
// call sees what this one would have.
func (s *Store) Changes(ctx context.Context) (Changes, error) {
	ok, err := s.tryAcquire(ctx)
	if err != nil || !ok {
		return Changes{}, err
	}
	defer s.release()
	if !s.w.watch.marked {
		return Changes{}, s.mark(ctx)
	}
	c := s.w.conn
	var version int64
	if err := c.QueryRowContext(ctx, "PRAGMA data_version").Scan(&version); err != nil {
		return Changes{}, err
	}
	if version == s.w.watch.version {
		return Changes{}, nil
	}
	rows, err := c.QueryContext(ctx, `SELECT id, at, who, entity, entity_id, field, coalesce(old, ''), coalesce(new, '')
		FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`, s.w.watch.auditSeen, maxWatchRows+1)
	if err != nil {
		return Changes{}, err
	}
	out := Changes{Any: true}
	seen := s.w.watch.auditSeen
	type value struct{ entity, id, field string }
	var foreign []model.AuditEntry
	ownLast := map[value]int64{} // the newest own row of each value
	for rows.Next() {
		var e model.AuditEntry
		if err := rows.Scan(&e.ID, &e.At, &e.Who, &e.Entity, &e.EntityID, &e.Field, &e.Old, &e.New); err != nil {
			rows.Close()
			return Changes{}, err
		}
		if len(foreign) == maxWatchRows {
			out.More = true
			break
		}
		seen = e.ID
		if s.ownAudit(e.ID) {
			ownLast[value{e.Entity, e.EntityID, e.Field}] = e.ID
		} else {
			foreign = append(foreign, e)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return Changes{}, err
	}
	for _, e := range foreign {
		if ownLast[value{e.Entity, e.EntityID, e.Field}] > e.ID {
			out.Superseded++
			continue
		}
		out.Entries = append(out.Entries, e)
	}
	if out.Products, err = s.changedProducts(ctx, out.Entries); err != nil {
		return Changes{}, err
	}
	// the cursor moves only once everything is read: an error leaves the
	// change to be found again
	s.w.watch.version, s.w.watch.auditSeen = version, seen
	return out, nil
}

// ownAudit says whether this handle wrote an audit row. The caller holds
// the writer.
func (s *Store) ownAudit(id int64) bool {
	own := s.w.own // ascending: each write's rows come after the last one's
	i, _ := slices.BinarySearchFunc(own, id, func(r idRange, id int64) int { return cmp.Compare(r.to, id) })
	return i < len(own) && own[i].from <= id
}

// changedProducts finds the products that audit rows name.
func (s *Store) changedProducts(ctx context.Context, entries []model.AuditEntry) ([]int64, error) {
	var skus, orders []any
	for _, e := range entries {
		switch e.Entity {
		case "policy", "product":
			skus = append(skus, e.EntityID)
		case poEntity:
			if id, err := strconv.ParseInt(e.EntityID, 10, 64); err == nil {
				orders = append(orders, id)
			}
		}
	}
	seen := map[int64]bool{}
	var ids []int64
	collect := func(query string, args []any) error {
		for lo := 0; lo < len(args); lo += 500 {
			chunk := args[lo:min(lo+500, len(args))]
			rows, err := s.w.conn.QueryContext(ctx, strings.Replace(query, "?", "?"+strings.Repeat(",?", len(chunk)-1), 1), chunk...)
			if err != nil {
				return err
			}
			for rows.Next() {
				var id int64
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return err
				}
				if !seen[id] {
					seen[id] = true
					ids = append(ids, id)
				}
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		return nil
	}
	if err := collect("SELECT id FROM products WHERE sku IN (?)", skus); err != nil {
		return nil, err
	}
	if err := collect("SELECT product_id FROM po_lines WHERE po_id IN (?)", orders); err != nil {
		return nil, err
	}
	return ids, nil
}
