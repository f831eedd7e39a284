//! List items that name a phase only to say something about it.
//!
//! An item that opens with a bold phase or step name opens a phase while it
//! is read (`1. **Step 1 – Scaffold**`, its tasks or `Owner:` lines
//! nested under it), since what it holds is not known until it closes.
//! Plans also write notes that start the same way: `- **Phase 2:** needs
//! the schema`, an overview `1. **Phase 3**: Billing`, an estimate
//! `- **Phase 1 (API)**: 3 days`. Once the plan is read, an item's phase
//! is kept only when
//!
//! - no heading or bold line opens a phase of the same id anywhere in the
//!   plan: that phase is the one the id names, and the item talks about
//!   it (its tasks, if any, belong to the phase around the item); and
//! - it holds tasks, or its bold part names it beyond its number
//!   (`Step 1 – Scaffold`, not `Phase 2:` or `Phase 1-2`).
//!
//! A dropped phase leaves the model much as if the item had opened none:
//! its tasks, bold fields and nested phases go to the phase around it, and
//! the plain `Key: value` lines that were fields only inside a step are
//! fields no more. What its fields said of it (a status) goes with it: the
//! phase around it was not theirs to describe. A dependency it states goes
//! to the phase of its id, when one is headed and states none itself: an
//! overview's `- **Phase 2: Build** (depends on Phase 1)` is how some
//! plans give their order. A phase that says `Dependencies: None` states
//! one.

use rustc_hash::{FxBuildHasher, FxHashMap};

use super::{Builder, PlaceholderKind, TextRange};

impl Builder<'_> {
    pub(super) fn drop_note_phases(&mut self) {
        if self.item_phases.is_empty() {
            return;
        }
        let phases = &self.plan.phases;
        let mut from_item = vec![false; phases.len()];
        for &i in &self.item_phases {
            from_item[i] = true;
        }
        // Each id's first phase opened by a heading or bold line.
        let mut headed = FxHashMap::with_capacity_and_hasher(phases.len(), FxBuildHasher);
        for (i, p) in phases.iter().enumerate().filter(|&(i, _)| !from_item[i]) {
            headed
                .entry((p.kind, p.number.to_ascii_lowercase()))
                .or_insert(i);
        }
        let mut note = Vec::new();
        let mut said = Vec::new();
        for &i in &self.item_phases {
            let p = &phases[i];
            let named = p.title.chars().any(char::is_alphabetic);
            match headed.get(&(p.kind, p.number.to_ascii_lowercase())) {
                Some(&h) => {
                    note.push(i);
                    said.push((i, h));
                }
                None if p.tasks.is_empty() && !named => note.push(i),
                None => {}
            }
        }
        self.item_phases.clear();
        if note.is_empty() {
            return;
        }
        // `- **Phase 2: Build** (depends on Phase 1)` in an overview says
        // what the phase its id names waits for, unless that phase says so
        // itself.
        for (i, h) in said {
            // `**Dependencies:** None` under the phase is a statement too.
            if self.plan.phases[h].depends_range.is_none() {
                let from = &mut self.plan.phases[i];
                let deps = std::mem::take(&mut from.depends_on);
                let range = from.depends_range.take();
                let to = &mut self.plan.phases[h];
                to.depends_on = deps;
                to.depends_range = range;
            }
        }
        self.remove_phases(&note);
    }

    /// Removes the phases `drop` (indices, ascending), handing what each
    /// held to the nearest phase around it that stays.
    fn remove_phases(&mut self, drop: &[usize]) {
        let phases = &mut self.plan.phases;
        // Each phase's new index; a dropped one's is its nearest kept
        // ancestor's. A parent always comes before its child.
        let mut dropped = vec![false; phases.len()];
        for &i in drop {
            dropped[i] = true;
        }
        let mut map: Vec<Option<usize>> = Vec::with_capacity(phases.len());
        let mut kept = 0;
        for (i, p) in phases.iter().enumerate() {
            let parent = p.parent.and_then(|q| map.get(q).copied().flatten());
            if dropped[i] {
                map.push(parent);
            } else {
                map.push(Some(kept));
                kept += 1;
            }
        }
        let remap = |p: Option<usize>| p.and_then(|i| map.get(i).copied().flatten());
        let mut i = 0;
        phases.retain_mut(|p| {
            let keep = !dropped[i];
            i += 1;
            p.parent = remap(p.parent);
            keep
        });
        for t in &mut self.plan.tasks {
            t.phase = remap(t.phase);
        }
        // Plain fields of a dropped step go; the rest move to the phase
        // around it.
        let mut gone = vec![false; self.plan.metadata.len()];
        for &f in &self.plain_fields {
            if let Some(p) = self.plan.metadata.get(f).and_then(|m| m.phase)
                && dropped[p]
            {
                gone[f] = true;
            }
        }
        let mut values: Vec<TextRange> = Vec::new();
        let mut f = 0;
        self.plan.metadata.retain_mut(|m| {
            let keep = !gone[f];
            f += 1;
            if !keep {
                values.push(m.value_range);
            }
            m.phase = remap(m.phase);
            keep
        });
        self.plain_fields.clear();
        if values.is_empty() {
            return;
        }
        // A choice list was one only as a field's value; other slots stay,
        // no longer in a field.
        values.sort_unstable_by_key(|r| r.start);
        let within = |r: TextRange| {
            let n = values.partition_point(|v| v.start <= r.start);
            n > 0 && values[n - 1].contains_range(r)
        };
        self.plan.placeholders.retain_mut(|p| {
            if !p.in_metadata || !within(p.range) {
                return true;
            }
            p.in_metadata = false;
            p.kind != PlaceholderKind::Choice
        });
    }
}
