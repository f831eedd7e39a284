//! The phase head reader and the line walker, on single lines.

use super::*;

fn phase(text: &str) -> Option<(PhaseKind, Text, Text, Option<Text>)> {
    phase_head(text).map(|p| (p.kind, p.number, p.title, p.priority))
}

#[test]
fn line_offsets_end_lines_at_each_ending() {
    let lines = |t| LineOffsets::new(t).collect::<Vec<_>>();
    assert_eq!(lines(""), []);
    assert_eq!(lines("one"), [(0, "one")]);
    assert_eq!(
        lines("a\nb\r\nc\rd"),
        [(0, "a"), (2, "b"), (5, "c"), (7, "d")]
    );
    // Empty lines, and an ending as the last byte, which opens no line.
    assert_eq!(
        lines("\n\r\n\rx\r\n"),
        [(0, ""), (1, ""), (3, ""), (4, "x")]
    );
    assert_eq!(lines("é\r"), [(0, "é")]);
}

#[test]
fn phase_headings() {
    use PhaseKind::*;
    assert_eq!(
        phase("Phase 1: Foundation [Priority: HIGH]"),
        Some((Phase, "1".into(), "Foundation".into(), Some("HIGH".into())))
    );
    assert_eq!(phase("Phase 0").map(|p| p.1), Some("0".into()));
    assert_eq!(phase("Phase -1: Gates").map(|p| p.1), Some("-1".into()));
    assert_eq!(
        phase("Phase 3.5 – Hardening").map(|p| (p.1, p.2)),
        Some(("3.5".into(), "Hardening".into()))
    );
    assert_eq!(phase("Phase 4a: Split").map(|p| p.1), Some("4a".into()));
    assert_eq!(
        phase("Stage A: Pilot").map(|p| (p.0, p.1)),
        Some((Stage, "A".into()))
    );
    assert_eq!(
        phase("Milestone M1 - Alpha").map(|p| (p.0, p.1)),
        Some((Milestone, "M1".into()))
    );
    // A part numbered under a lettered phase.
    assert_eq!(
        phase("Stage B.1 Quotas").map(|p| (p.1, p.2)),
        Some(("B.1".into(), "Quotas".into()))
    );
    assert_eq!(
        phase("Milestone M1.2: Beta").map(|p| p.1),
        Some("M1.2".into())
    );
    assert_eq!(
        phase("Step 1.1: {{Step Title}}").map(|p| (p.0, p.1)),
        Some((Step, "1.1".into()))
    );
    assert_eq!(
        phase("Step 1 – [Title]").map(|p| p.2),
        Some("[Title]".into())
    );
    assert_eq!(phase("Phase 1B: Rollout").map(|p| p.1), Some("1B".into()));
    for (title, number) in [
        ("Phase II: Build", "II"),
        ("Phase IV", "IV"),
        ("Phase XII - Wrap", "XII"),
    ] {
        assert_eq!(phase(title).map(|p| p.1), Some(number.into()), "{title}");
    }
    assert_eq!(phase("Phase IIII"), None);
    assert_eq!(phase("Phase IVORY"), None);
    assert_eq!(phase("Phases overview"), None);
    assert_eq!(phase("Phase one"), None);
    assert_eq!(phase("Steps to reproduce"), None);
}
