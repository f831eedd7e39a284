//! Phase order drawn in a dependency section rather than written in
//! words: in a code block, phases a line each joined by down arrows, or in
//! a row joined by right arrows; in a bullet, a row (`- Setup → Build`).
//!
//! ```text
//! Phase 1 (Setup)
//!   ↓
//! Phase 2 (Core) - blocks every story
//!   ↓
//! Phase 3 (Polish) → Phase 4 (Release)
//! ```
//!
//! Each phase drawn below or right of another waits for it. A drawing is
//! read only where it is plain: one phase a line (or a phase a cell of a
//! row), one arrow column. A line that forks (`├──┐`), or holds arrows
//! side by side, ends the chain, and so does a blank line. A line that
//! states its phase's order in words (`Phase 5 - can start after Phase
//! 3`, `Phase 4 → Independent`) is the words' to read, and the arrow into
//! it says nothing: drawings round off what their words say.

use super::{Reader, target};
use crate::model::Reference;
use crate::parse::refs::is_down_arrow;
use crate::text::TextRange;

/// What a diagram has drawn so far, line by line.
#[derive(Default)]
pub(super) struct Diagram {
    /// The last line, when it was one cell (no right arrow in it).
    above: Option<TextRange>,
    /// Whether a down arrow stands between `above` and the next line.
    arrow: bool,
}

/// A dependency read from a drawing: the phase that waits, what it waits
/// for, and the drawing's text from one to the other.
pub(super) type Drawn = (usize, Reference, TextRange);

impl Reader<'_> {
    /// Reads one line of a drawing (`range`) into `out`, `d` carrying what
    /// the lines above drew. What a cell names is looked up only once an
    /// arrow joins it to another: most lines of code blocks draw nothing.
    pub(super) fn diagram_line(&mut self, d: &mut Diagram, range: TextRange, out: &mut Vec<Drawn>) {
        let line = range.slice(self.src);
        let trimmed = line.trim();
        if is_down_arrow(trimmed) {
            d.arrow = d.above.is_some();
            return;
        }
        let arrowed = std::mem::take(&mut d.arrow);
        let above = d.above.take();
        if trimmed.is_empty() {
            return;
        }
        let base = range.start as usize;
        let cell = |(s, e): (usize, usize)| TextRange::new(base + s, base + e);
        let mut cells = cells(line).map(cell);
        let (Some(first), second) = (cells.next(), cells.next()) else {
            return;
        };
        // Asked only of a line an arrow joins to another.
        let worded = || speaks_of_order(&line.to_ascii_lowercase());
        let Some(second) = second else {
            if let (true, Some(up)) = (arrowed, above)
                && !worded()
            {
                let (up_phases, phases) = (self.cell(up), self.cell(first));
                self.draw(&up_phases, up, &phases, first, out);
            }
            d.above = Some(first);
            return;
        };
        if worded() {
            return;
        }
        let mut left = (self.cell(first), first);
        for right in std::iter::once(second).chain(cells) {
            let right = (self.cell(right), right);
            self.draw(&left.0, left.1, &right.0, right.1, out);
            left = right;
        }
    }

    /// The phases a cell of a drawing names by its name (`Phase 2`, `Setup
    /// (Phase 1)`, `US1`): what stands before a colon, a dash between
    /// words, or a verb; none for a cell of words or lines.
    fn cell(&mut self, range: TextRange) -> Vec<usize> {
        let text = range.slice(self.src);
        let lower = text.to_ascii_lowercase();
        let verb = super::verbs(&lower, 0)
            .next()
            .map_or(text.len(), |(v, _)| v);
        let dash = [" - ", " – ", " — "]
            .iter()
            .filter_map(|d| text.find(d))
            .fold(verb, usize::min);
        let end = super::colon_at(text).map_or(dash, |c| c.min(dash));
        self.subjects(text, &lower, range.start as usize, end, true)
            .map(|(subjects, _)| subjects)
            .unwrap_or_default()
    }

    /// Each phase of `below` waits for each of `above`.
    fn draw(
        &mut self,
        above: &[usize],
        from: TextRange,
        below: &[usize],
        to: TextRange,
        out: &mut Vec<Drawn>,
    ) {
        let drawing = TextRange::new(from.start as usize, to.end as usize);
        for &b in below {
            for &a in above.iter().filter(|&&a| a != b) {
                if !self.spend(1) {
                    return;
                }
                let dep = Reference {
                    target: target(self.plan, a),
                    range: from,
                };
                out.push((b, dep, drawing));
            }
        }
    }
}

/// The cells of a drawn line between its right arrows (`→`, `──>`, `->`,
/// `=>`, `──►`), each trimmed of white space and box drawing.
fn cells(line: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut from = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let (end, next) = next_arrow(line, from).unwrap_or_else(|| {
            done = true;
            (line.len(), line.len())
        });
        let cell = (from, end);
        from = next;
        Some(trim_drawing(line, cell))
    })
}

/// The next right arrow in `line` from `from`: where its shaft starts and
/// where its head ends.
fn next_arrow(line: &str, from: usize) -> Option<(usize, usize)> {
    let b = line.as_bytes();
    let mut i = from;
    // Every arrow is a `>` or a character whose UTF-8 opens with 0xE2:
    // most lines of code hold neither.
    while let Some(k) = memchr::memchr2(b'>', 0xE2, &b[i..]) {
        let at = i + k;
        let head = line[at..].chars().next()?;
        let arrow = match head {
            '→' | '⟶' | '➜' | '➔' | '►' | '▶' | '⇒' => true,
            '>' => line[from..at].ends_with(['-', '─', '=']),
            _ => false,
        };
        if arrow {
            let shaft = line[from..at].trim_end_matches(['-', '─', '=', '━']).len();
            return Some((from + shaft, at + head.len_utf8()));
        }
        i = at + head.len_utf8();
    }
    None
}

/// `cell` without the white space and box drawing around it.
fn trim_drawing(line: &str, (start, end): (usize, usize)) -> (usize, usize) {
    let drawing = |c: char| c.is_whitespace() || ('\u{2500}'..='\u{257f}').contains(&c);
    let text = &line[start..end];
    let inner = text.trim_start_matches(drawing);
    let s = start + text.len() - inner.len();
    (s, s + inner.trim_end_matches(drawing).len())
}

/// Whether a line states an order in words (a dependency verb, or that
/// there is none, or that its work runs beside other work), which its
/// words say rather than its arrows.
fn speaks_of_order(lower: &str) -> bool {
    super::verbs(lower, 0).next().is_some()
        || ["depend", "independent", "parallel", "prerequisite", "none"]
            .iter()
            .any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell_texts(line: &str) -> Vec<&str> {
        cells(line).map(|(s, e)| &line[s..e]).collect()
    }

    #[test]
    fn a_line_splits_into_cells_at_its_right_arrows() {
        assert_eq!(cell_texts("Phase 1 → Phase 2"), ["Phase 1", "Phase 2"]);
        assert_eq!(
            cell_texts("  (A)   ├──→ Phase 5 ──→ Phase 6 -> Phase 7 => Phase 8"),
            ["(A)", "Phase 5", "Phase 6", "Phase 7", "Phase 8"]
        );
        assert_eq!(
            cell_texts("[US6] Setup ──► [US1] Auth"),
            ["[US6] Setup", "[US1] Auth"]
        );
        // A hyphen in words is no arrow, nor a lone `>`.
        assert_eq!(
            cell_texts("Phase 2 - core > rest"),
            ["Phase 2 - core > rest"]
        );
        assert_eq!(cell_texts("   "), [""]);
    }

    #[test]
    fn words_of_order_are_told_from_names() {
        for worded in [
            "phase 5 - can start after phase 3",
            "phase 3 → independent, no dependencies",
            "phase 2 (depends on setup)",
            "phase 6 - requires all phases complete",
        ] {
            assert!(speaks_of_order(worded), "{worded}");
        }
        for plain in [
            "phase 2 (foundation) - blocking for all user stories",
            "setup (phase 1)",
        ] {
            assert!(!speaks_of_order(plain), "{plain}");
        }
    }
}
