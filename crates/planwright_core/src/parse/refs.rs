//! Dependencies written as prose: "Phase 1 complete", "Phases 1-4",
//! "Depends on T012", and `T005 → T006` chains between tasks.
//!
//! Like the other recognisers they return offsets relative to the string
//! they were given, plus the `base` the caller passes.

use super::items::{LineOffsets, PHASE_WORDS, phase_number_len, skip_ws};
use crate::model::{PhaseKind, RefTarget, Reference, Text};
use crate::text::TextRange;

/// Parses a dependency value: "Phase 1 complete", "Phases 2 + 3",
/// "Phases 1-4", "Step 2", "None", "Depends on T012", "T001, T002".
/// `base` is the value's offset in the source.
pub(crate) fn references(value: &str, base: usize) -> Vec<Reference> {
    let mut refs = Vec::new();
    let lower = value.to_ascii_lowercase();
    let bytes = value.as_bytes();
    let mut i = 0;
    while i < value.len() {
        if !value.is_char_boundary(i) || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        if let Some((kind, len)) =
            PHASE_WORDS
                .iter()
                .filter(|(w, _)| w.is_ascii())
                .find_map(|(w, k)| {
                    let rest = &lower.as_bytes()[i..];
                    if !rest.starts_with(w.as_bytes()) {
                        return None;
                    }
                    // "Phases 2 + 3" reads like "Phase 2 + 3".
                    let plural = rest.get(w.len()) == Some(&b's');
                    Some((*k, w.len() + usize::from(plural)))
                })
        {
            let end = phase_number_list(value, i + len, kind, base, i, &mut refs);
            i = end.max(i + 1);
            continue;
        }
        if let Some(len) = task_ref_len(&value[i..]) {
            refs.push(Reference {
                target: RefTarget::Task(Text::from(&value[i..i + len])),
                range: TextRange::new(base + i, base + i + len),
            });
            i += len;
            continue;
        }
        i += 1;
    }
    refs
}

/// `T012`, `T-012`: the task-id shape used in dependencies.
pub(crate) fn task_ref_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.first() != Some(&b'T') {
        return None;
    }
    let dash = usize::from(b.get(1) == Some(&b'-'));
    let digits = b[1 + dash..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let mut end = 1 + dash + digits;
    while digits > 0 && b.get(end) == Some(&b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit)
    {
        end += 1 + b[end + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
    }
    (digits > 0 && !b.get(end).is_some_and(u8::is_ascii_alphanumeric)).then_some(end)
}

fn phase_number_list(
    value: &str,
    mut i: usize,
    kind: PhaseKind,
    base: usize,
    word_start: usize,
    refs: &mut Vec<Reference>,
) -> usize {
    let mut first = true;
    let mut last_num: Option<i64> = None;
    loop {
        let j = skip_ws(value, i);
        let rest = &value[j..];
        let Some(len) = phase_number_len(rest).filter(|_| !rest.is_empty()) else {
            return i;
        };
        let number = &rest[..len];
        let start = if first { word_start } else { j };
        refs.push(Reference {
            target: RefTarget::Phase {
                kind,
                number: Text::from(number),
            },
            range: TextRange::new(base + start, base + j + len),
        });
        first = false;
        let this_num = number.parse::<i64>().ok();
        i = j + len;
        // Separators between numbers: ",", "+", "&", "and", "-" (a range).
        let k = skip_ws(value, i);
        let rest = &value[k..];
        let range_sep = ["-", "–", "..", "to "]
            .iter()
            .find(|s| rest.starts_with(**s));
        if let (Some(sep), Some(from)) = (range_sep, this_num) {
            let m = skip_ws(value, k + sep.len());
            let tail = &value[m..];
            if let Some(len) = phase_number_len(tail).filter(|_| !tail.is_empty())
                && let Ok(to) = tail[..len].parse::<i64>()
            {
                for n in from + 1..=to.min(from + 100) {
                    refs.push(Reference {
                        target: RefTarget::Phase {
                            kind,
                            number: compact_str::ToCompactString::to_compact_string(&n),
                        },
                        range: TextRange::new(base + m, base + m + len),
                    });
                }
                last_num = Some(to);
                i = m + len;
                continue;
            }
        }
        let _ = last_num;
        let list_sep = [",", "+", "&", "and ", "/"]
            .iter()
            .find(|s| rest.starts_with(**s));
        match list_sep {
            Some(sep) => i = k + sep.len(),
            None => return i,
        }
    }
}

/// `T005 → T006 → T007` chains: each link is (from, to, range from the
/// source id's start to the target id's end). Two ids chain only when an
/// arrow is all that stands between them, with white space and
/// punctuation (`**T001** → **T002**`, `T005 -> T006.`): an arrow among
/// words, as in the task "T002 Rename a -> b (after T001)", is prose about
/// a task, not a dependency between the ids around it.
///
/// Ids joined by `,`, `&` or `and` (in brackets or not) make a group, and
/// an arrow links every id of the group before it to every id of the group
/// after it: `T001 → (T002, T003)` fans out, `T001, T002 → T003` fans in.
/// Anything else between two ids ends the chain.
pub(crate) fn task_chain(text: &str, base: usize) -> Vec<(Text, Text, TextRange)> {
    let mut out = Vec::new();
    for line in LineOffsets::new(text) {
        let (start, line) = line;
        // The ids joined by lists since the last arrow, and the group
        // before that arrow, which each of them follows: (id, start, end).
        let mut group: Vec<(Text, usize, usize)> = Vec::new();
        let mut sources: Vec<(Text, usize, usize)> = Vec::new();
        let mut links = 0;
        let mut next = 0;
        // Only a `T` can start an id: jump between them.
        for i in memchr::memchr_iter(b'T', line.as_bytes()) {
            if i < next {
                continue;
            }
            let boundary = i == 0 || !line.as_bytes()[i - 1].is_ascii_alphanumeric();
            let Some(len) = task_ref_len(&line[i..]).filter(|_| boundary) else {
                continue;
            };
            let id = Text::from(&line[i..i + len]);
            let gap = group.last().map(|&(_, _, end)| gap_kind(&line[end..i]));
            match gap {
                Some(Gap::Arrow) => {
                    sources = std::mem::take(&mut group);
                }
                Some(Gap::List) => {}
                Some(Gap::Other) | None => {
                    sources.clear();
                    group.clear();
                }
            }
            for (from, from_start, _) in &sources {
                // A line of thousands of grouped ids must not make
                // millions of links: past the bound, the rest are dropped.
                if links >= MAX_LINKS_PER_LINE {
                    break;
                }
                links += 1;
                out.push((
                    from.clone(),
                    id.clone(),
                    TextRange::new(base + start + from_start, base + start + i + len),
                ));
            }
            group.push((id, i, i + len));
            next = i + len;
        }
    }
    out
}

/// The most links one line of grouped chains makes.
const MAX_LINKS_PER_LINE: usize = 4096;

const ARROWS: [&str; 4] = ["→", "->", "=>", "⟶"];

/// What stands between two ids of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gap {
    /// An arrow, with only white space and punctuation besides.
    Arrow,
    /// A list separator (`,`, `&`, `and`), with only white space, brackets
    /// and emphasis or code marks besides.
    List,
    /// Words, numbers, or nothing that joins them.
    Other,
}

fn gap_kind(between: &str) -> Gap {
    if is_chain_link(between) {
        Gap::Arrow
    } else if is_list_link(between) {
        Gap::List
    } else {
        Gap::Other
    }
}

/// Whether the text between two ids links them: at least one arrow, and
/// besides arrows only white space and punctuation (no letter or digit).
fn is_chain_link(between: &str) -> bool {
    let mut rest = between;
    let mut arrows = 0;
    while !rest.is_empty() {
        if let Some(a) = ARROWS.iter().find(|a| rest.starts_with(**a)) {
            arrows += 1;
            rest = &rest[a.len()..];
            continue;
        }
        let mut chars = rest.chars();
        if chars.next().is_some_and(char::is_alphanumeric) {
            return false;
        }
        rest = chars.as_str();
    }
    arrows > 0
}

/// Whether the text between two ids lists them together: at least one
/// `,`, `&` or `and`, and besides only white space, brackets and the
/// marks of emphasis or code (`**T001**, **T002**`).
fn is_list_link(between: &str) -> bool {
    let mut separators = 0;
    for word in between.split(|c: char| c.is_whitespace() || "()[]*`".contains(c)) {
        if word.is_empty() {
            continue;
        }
        if word.eq_ignore_ascii_case("and") || word.chars().all(|c| c == ',' || c == '&') {
            separators += 1;
        } else {
            return false;
        }
    }
    separators > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(value: &str) -> Vec<Text> {
        references(value, 0)
            .into_iter()
            .map(|r| r.target.label())
            .collect()
    }

    #[test]
    fn dependency_references() {
        assert_eq!(refs("Phase 1 complete"), ["Phase 1"]);
        assert_eq!(refs("Phases 2 + 3"), ["Phase 2", "Phase 3"]);
        assert_eq!(
            refs("Phases 1-4"),
            ["Phase 1", "Phase 2", "Phase 3", "Phase 4"]
        );
        assert_eq!(refs("None"), Vec::<String>::new());
        assert_eq!(refs("Depends on T012"), ["T012"]);
        assert_eq!(refs("Step 2, T-004"), ["Step 2", "T-004"]);
        assert_eq!(refs("Phase 1 and Phase 2"), ["Phase 1", "Phase 2"]);
        assert_eq!(refs("after T231.15."), ["T231.15"]);
        // Ranges point at what was written.
        let r = references("Phase 1 complete", 10);
        assert_eq!(r[0].range, TextRange::new(10, 17));
    }

    #[test]
    fn chains() {
        let c = task_chain("T177 → T178 → T179\nT1, T2 (parallel)\nT005 -> T006", 0);
        let pairs: Vec<_> = c.iter().map(|(a, b, _)| (a.as_str(), b.as_str())).collect();
        assert_eq!(
            pairs,
            [("T177", "T178"), ("T178", "T179"), ("T005", "T006")]
        );
    }

    #[test]
    fn an_arrow_among_words_links_no_ids() {
        let pairs = |text: &str| -> Vec<(String, String)> {
            task_chain(text, 0)
                .into_iter()
                .map(|(a, b, _)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(pairs("T002 Rename `a` -> `b` (follows T001)"), []);
        assert_eq!(pairs("T001 then => T002"), []);
        assert_eq!(pairs("T001 -> 2 -> T002"), []);
        assert_eq!(pairs("T001 T002"), []);
        // Markup and punctuation around the arrow still chain.
        assert_eq!(
            pairs("**T001** → **T002**"),
            [("T001".into(), "T002".into())]
        );
        assert_eq!(
            pairs("`T005` ⟶ (`T006`)."),
            [("T005".into(), "T006".into())]
        );
        assert_eq!(pairs("T007=>T008"), [("T007".into(), "T008".into())]);
        // Words between two ids end a chain but do not stop the next one.
        assert_eq!(
            pairs("T001 after T002 → T003"),
            [("T002".into(), "T003".into())]
        );
    }

    #[test]
    fn an_arrow_links_every_id_of_the_groups_around_it() {
        let pairs = |text: &str| -> Vec<String> {
            task_chain(text, 0)
                .into_iter()
                .map(|(a, b, _)| format!("{a}>{b}"))
                .collect()
        };
        for fan_out in [
            "T001 → (T002, T003)",
            "T001 → T002, T003",
            "T001 -> [T002, T003]",
            "T001 → T002 & T003",
            "T001 → T002 and T003",
            "**T001** → **T002**, **T003**",
        ] {
            assert_eq!(pairs(fan_out), ["T001>T002", "T001>T003"], "{fan_out}");
        }
        for fan_in in ["(T001, T002) → T003", "T001, T002 → T003"] {
            assert_eq!(pairs(fan_in), ["T001>T003", "T002>T003"], "{fan_in}");
        }
        assert_eq!(
            pairs("T001, T002 → T003 and T004 -> T005"),
            [
                "T001>T003",
                "T002>T003",
                "T001>T004",
                "T002>T004",
                "T003>T005",
                "T004>T005"
            ]
        );
        // A plain chain links neighbours only; a list without an arrow, or
        // ids side by side, link nothing.
        assert_eq!(pairs("T177 → T178 → T179"), ["T177>T178", "T178>T179"]);
        assert_eq!(pairs("T001, T002 and T003"), Vec::<String>::new());
        assert_eq!(pairs("T001 → T002 T003"), ["T001>T002"]);
        // Each link spans from its source to its target.
        let c = task_chain("(T001, T002) → T003", 10);
        assert_eq!(c[0].2, TextRange::new(11, 31));
        assert_eq!(c[1].2, TextRange::new(17, 31));
    }
}
