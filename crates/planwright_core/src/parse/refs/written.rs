//! How a value writes what it names besides phase words and ids: a
//! phase by its number alone (`Dependencies: M1` in a plan of `##
//! Milestone M1` heads, see [`super::references_naming`]), and a link,
//! whose text names and whose destination does not.

use super::{Refs, digits_at, phase_number_len};
use crate::model::{RefTarget, Text};

/// Whether a phase number (or the text at it) opens with a capital and a
/// digit, as `M1` and `S2.1` do: such a number names its phase alone (see
/// [`super::references_naming`]), where `1` or `A` would be any number or
/// word.
pub(crate) fn is_lettered_number(number: &str) -> bool {
    let b = number.as_bytes();
    b.first().is_some_and(u8::is_ascii_uppercase) && b.get(1).is_some_and(u8::is_ascii_digit)
}

impl Refs<'_> {
    /// A phase of [`Self::named`] by its number alone (`M1`), at `i`:
    /// where it ends, if there is one.
    pub(super) fn named_phase_at(&mut self, i: usize) -> Option<usize> {
        if self.named.is_empty() || !is_lettered_number(&self.value[i..]) {
            return None;
        }
        let rest = &self.value[i..];
        let len = phase_number_len(rest)?;
        if rest[len..].starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        let number = &rest[..len];
        // Or a phase the plan lacks, of the kind its letters number
        // (`M9` where milestones are `M1` to `M3`), which PW206 reports;
        // not a task's id, written with three digits (`M001`).
        let letters = |n: &str| n.bytes().take_while(u8::is_ascii_alphabetic).count();
        let head = &number[..letters(number)];
        let short = digits_at(number.as_bytes(), head.len()) < 3;
        let (kind, _) = self
            .named
            .iter()
            .find(|(_, n)| n.eq_ignore_ascii_case(number))
            .or_else(|| {
                let same_letters = |n: &Text| &n[..letters(n)] == head;
                self.named.iter().find(|(_, n)| short && same_letters(n))
            })?;
        let target = RefTarget::Phase {
            kind: *kind,
            number: Text::from(number),
        };
        self.push(target, i, i + len);
        Some(i + len)
    }
}

/// The length of an inline link's destination opening `rest`,
/// `(#phase-1 "title")` with its parentheses, balanced as Markdown
/// balances them; `None` where no `(` opens it or none closes it on its
/// line (then it is prose in brackets, read as such).
pub(super) fn link_destination_len(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    if b.first() != Some(&b'(') {
        return None;
    }
    let mut depth = 0usize;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            b'\n' | b'\r' => return None,
            _ => {}
        }
    }
    None
}
