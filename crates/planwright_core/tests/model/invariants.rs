//! Checks that every range in a plan slices the source to what the element
//! claims: the contract editors, lint and `done` rely on.

use planwright_core::{Plan, TextRange};

/// Returns a description of every violated invariant (empty when sound).
pub fn violations(plan: &Plan, src: &str) -> Vec<String> {
    let mut bad = Vec::new();
    for t in &plan.tasks {
        if check(&mut bad, src, "task check mark", t.check_range) {
            let mark = t.check_range.slice(src);
            if !["[ ]", "[x]", "[X]", "[-]", "[~]"].contains(&mark) {
                bad.push(format!("task {} check range slices to {mark:?}", t.id));
            }
            if mark.chars().nth(1) != Some(t.mark) {
                bad.push(format!(
                    "task {} mark {:?} but source has {mark:?}",
                    t.id, t.mark
                ));
            }
        }
        if check(&mut bad, src, "task", t.range) && !t.range.contains_range(t.check_range) {
            bad.push(format!("task {} range does not hold its check mark", t.id));
        }
        if let Some(r) = t.id_range
            && check(&mut bad, src, "task id", r)
            && r.slice(src).trim_end_matches('.') != t.id
        {
            bad.push(format!(
                "task id range slices to {:?}, id is {:?}",
                r.slice(src),
                t.id
            ));
        }
        let first = t.range.slice(src).trim_start();
        if !first.starts_with(['-', '*', '+']) && !first.starts_with(|c: char| c.is_ascii_digit()) {
            bad.push(format!(
                "task {} range does not start at a list marker: {:?}",
                t.id,
                &first[..first.len().min(20)]
            ));
        }
    }
    for m in &plan.metadata {
        if check(&mut bad, src, "metadata key", m.key_range)
            && m.key_range.slice(src).trim() != m.key
        {
            bad.push(format!(
                "metadata key range slices to {:?}, key is {:?}",
                m.key_range.slice(src),
                m.key
            ));
        }
        if check(&mut bad, src, "metadata value", m.value_range)
            && m.value_range.slice(src) != m.value
        {
            bad.push(format!(
                "metadata value range slices to {:?}, value is {:?}",
                m.value_range.slice(src),
                m.value
            ));
        }
        if check(&mut bad, src, "metadata", m.range)
            && !(m.range.contains_range(m.key_range) && m.range.contains_range(m.value_range))
        {
            bad.push(format!(
                "metadata {:?} range does not hold key and value",
                m.key
            ));
        }
    }
    for p in &plan.placeholders {
        if check(&mut bad, src, "placeholder", p.range) && p.range.slice(src) != p.text {
            bad.push(format!(
                "placeholder range slices to {:?}, text is {:?}",
                p.range.slice(src),
                p.text
            ));
        }
    }
    for s in &plan.sections {
        if check(&mut bad, src, "section", s.range) && check(&mut bad, src, "heading", s.heading) {
            if !s.range.contains_range(s.heading) {
                bad.push(format!("section {:?} does not hold its heading", s.title));
            }
            let h = s.heading.slice(src);
            // An ATX heading is one line; a setext heading its content
            // lines, never the underline or a trailing line break.
            let atx = h.trim_start().starts_with('#');
            if h.trim().is_empty() || (atx && h.contains('\n')) || h.ends_with('\n') {
                bad.push(format!(
                    "heading of {:?} is not its text line(s): {h:?}",
                    s.title
                ));
            }
        }
    }
    for (i, p) in plan.phases.iter().enumerate() {
        if check(&mut bad, src, "phase", p.range)
            && check(&mut bad, src, "phase heading", p.heading)
        {
            if !p.heading.slice(src).contains(p.number.as_str()) {
                bad.push(format!(
                    "phase {} heading {:?} lacks its number",
                    p.id,
                    p.heading.slice(src)
                ));
            }
            for &t in &p.tasks {
                if !p.range.contains_range(plan.tasks[t].check_range) {
                    bad.push(format!(
                        "phase {} (#{i}) lists task {} outside its range",
                        p.id, plan.tasks[t].id
                    ));
                }
            }
        }
        for d in &p.depends_on {
            check(&mut bad, src, "dependency", d.range);
        }
    }
    for t in &plan.tables {
        check(&mut bad, src, "table", t.range);
        for row in std::iter::once(&t.header).chain(&t.rows) {
            for cell in &row.cells {
                if check(&mut bad, src, "cell", cell.range)
                    && !cell.range.is_empty()
                    && !row.range.contains_range(cell.range)
                {
                    bad.push(format!("cell {:?} outside its row", cell.text));
                }
            }
        }
    }
    for l in &plan.links {
        check(&mut bad, src, "link", l.range);
    }
    if let Some(t) = &plan.title
        && check(&mut bad, src, "title", t.range)
        && t.range != t.heading
        && t.range.slice(src) != t.text
    {
        bad.push(format!(
            "title range slices to {:?}, title is {:?}",
            t.range.slice(src),
            t.text
        ));
    }
    bad
}

/// Records a violation when `r` lies outside the text or splits a character.
fn check(bad: &mut Vec<String>, src: &str, what: &str, r: TextRange) -> bool {
    if r.end as usize > src.len() || r.start > r.end {
        bad.push(format!("{what}: range {r:?} outside {} bytes", src.len()));
        return false;
    }
    if !src.is_char_boundary(r.start as usize) || !src.is_char_boundary(r.end as usize) {
        bad.push(format!("{what}: range {r:?} splits a character"));
        return false;
    }
    true
}
