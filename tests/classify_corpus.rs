//! The classifier measured on the held-out part of the labelled corpus: lines it was never
//! trained on, and that no cue in the lexicon was written from. Prints per-move precision
//! and recall.
//!
//! Three sets are held out: `corpus.jsonl`'s held-out lines, from the writer of the first
//! tune lines, and two files by writers who never saw a line of the corpus: the organizer's
//! side of whole conversations, and an examiner's look-alikes, twelve per move. Issue 3 asks
//! for 90% top-1, and this test fails below that on all of them together.

use greenlight::classify::{Classifier, Split, corpus};
use greenlight::moves::Move;
use std::collections::BTreeMap;

const REQUIRED: f64 = 0.90;

#[test]
fn held_out_top1_accuracy_is_at_least_90_percent() {
    let corpus = corpus();
    assert!(corpus.len() >= 600, "the corpus has {} lines", corpus.len());
    let classifier = Classifier::bundled();
    let heldout: Vec<_> = corpus
        .iter()
        .filter(|l| l.split == Split::Heldout)
        .collect();
    let mut right = 0;
    let mut moves_right = 0;
    let mut counts: BTreeMap<Move, (usize, usize, usize)> = BTreeMap::new(); // (tp, fp, fn)
    let mut misses = Vec::new();
    let mut by_file: BTreeMap<&str, (usize, usize)> = BTreeMap::new(); // (right, lines)
    for line in &heldout {
        let reading = classifier.classify(&line.text);
        let file = by_file.entry(line.file).or_default();
        file.1 += 1;
        if reading.primary == line.primary {
            file.0 += 1;
            right += 1;
            counts.entry(line.primary).or_default().0 += 1;
        } else {
            counts.entry(reading.primary).or_default().1 += 1;
            counts.entry(line.primary).or_default().2 += 1;
            misses.push(format!(
                "  {:>15} read as {:<15} {:?}",
                line.primary.id(),
                reading.primary.id(),
                line.text
            ));
        }
        if reading.moves == line.moves {
            moves_right += 1;
        }
    }
    let accuracy = right as f64 / heldout.len() as f64;
    println!(
        "held-out lines: {}, top-1 accuracy {:.1}%, all moves in order {:.1}%",
        heldout.len(),
        100.0 * accuracy,
        100.0 * moves_right as f64 / heldout.len() as f64
    );
    for (file, (right, lines)) in &by_file {
        println!(
            "  {file}: {lines} lines, top-1 {:.1}%",
            100.0 * *right as f64 / *lines as f64
        );
    }
    println!("{:>15}  precision  recall", "move");
    for (m, (tp, fp, fn_)) in &counts {
        let precision = *tp as f64 / (tp + fp).max(1) as f64;
        let recall = *tp as f64 / (tp + fn_).max(1) as f64;
        println!(
            "{:>15}  {:>8.0}%  {:>5.0}%",
            m.id(),
            100.0 * precision,
            100.0 * recall
        );
    }
    println!("misread:\n{}", misses.join("\n"));
    assert!(
        accuracy >= REQUIRED,
        "held-out top-1 accuracy {:.1}% fell below {:.0}%",
        100.0 * accuracy,
        100.0 * REQUIRED
    );
}
