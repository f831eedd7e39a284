//! `set --add` on a header written as a list (`- **Status:** Draft` under
//! the title): the new field becomes the list's next item, written like
//! the item before it, since a bold line beside the list would read as a
//! second header in another style.

use planwright_core::edit::Edit;
use planwright_core::{MetaField, Plan, TextRange};

use super::{insert_lines, line_end_after, line_start};

/// The edit that adds `written` (`**Key:** value`, with any trailing hard
/// break) as a new item right after the item that holds `field`, a field
/// of the header's list ([`MetaField::header_item`]).
///
/// The item is one of the outermost list holding `field`: under `-
/// **Stack:**` / `  - **Backend:** Rust` the new field is the header's,
/// not a part of the stack, so it follows the whole `Stack` item. The new
/// item copies that item's indentation (a blockquote's `>` too), marker,
/// and the blank after the marker; an ordered list's number counts on
/// from it. It ends like the line before it, and a blank line sets it
/// apart when the list's items are set apart so. Items after it, such as
/// the first tasks, stay where they are.
///
/// `None` when no list holds `field`, which the reader never gives for a
/// header item; the caller then writes a line of its own.
pub(crate) fn after_item(
    plan: &Plan,
    src: &str,
    field: &MetaField,
    written: &str,
    le: &str,
) -> Option<Edit> {
    // Lists come in the order they open, so the first that holds the
    // field is the outermost.
    let list = plan
        .lists
        .iter()
        .find(|l| l.range.contains_range(field.range))?;
    let markers = plan.markers_of(list);
    let idx = markers
        .partition_point(|m| m.start <= field.range.start)
        .checked_sub(1)?;
    let marker = *markers.get(idx)?;
    let item_end = |i: usize| -> (usize, usize) {
        let bound = markers.get(i + 1).map_or(list.range.end as usize, |m| {
            line_start(src, m.start as usize)
        });
        (content_end(src, markers[i], bound), bound)
    };
    let (at, bound) = item_end(idx);
    // Loose when the gap after this item (else after the one before it)
    // holds a blank line: the next item starts below where this one ends.
    let loose = match idx {
        _ if idx + 1 < markers.len() => at < bound,
        0 => false,
        _ => {
            let (end, next) = item_end(idx - 1);
            end < next
        }
    };
    let line = line_start(src, marker.start as usize);
    let indent = src.get(line..marker.start as usize).unwrap_or("");
    let text = marker.slice(src);
    let bullet = if list.ordered {
        next_number(text)
    } else {
        text.to_owned()
    };
    let rest = src.get(marker.end as usize..).unwrap_or("");
    let gap = &rest[..rest.len() - rest.trim_start_matches([' ', '\t']).len()];
    let gap = if gap.is_empty() || rest[gap.len()..].starts_with(['\n', '\r']) {
        " "
    } else {
        gap
    };
    let mut lines = Vec::new();
    if loose {
        lines.push(indent.trim_end().to_owned());
    }
    lines.push(format!("{indent}{bullet}{gap}{written}"));
    Some(insert_lines(src, at, &lines, le))
}

/// Where the item whose marker is `marker` ends: just past the line
/// ending of its last line that is not blank (nor only a blockquote's
/// `>`), looking no further than `bound`, where the next item starts.
fn content_end(src: &str, marker: TextRange, bound: usize) -> usize {
    let from = marker.start as usize;
    let body = src.get(from..bound.max(from)).unwrap_or("");
    let kept = body.trim_end_matches([' ', '\t', '\r', '\n', '>']).len();
    line_end_after(src, from + kept.max(marker.len()))
}

/// The marker after `1.` / `9)`: the number one up, same delimiter.
fn next_number(marker: &str) -> String {
    let digits = marker.trim_end_matches(['.', ')']);
    let delimiter = &marker[digits.len()..];
    digits
        .parse::<u64>()
        .map_or_else(|_| marker.to_owned(), |n| format!("{}{delimiter}", n + 1))
}
