//! Tuning the classifier without touching the held-out lines: 5-fold cross-validation on
//! the tune part of the corpus, reading the lexicon from disk so a change to it needs no
//! rebuild.
//!
//!     cargo run --release --example classifier_cv [-- --misses]

use greenlight::classify::{Classifier, CorpusLine, Split, corpus};

const FOLDS: usize = 5;

fn main() {
    let lexicon =
        std::fs::read_to_string("src/classify/lexicon.toml").expect("run from the repository root");
    let show_misses = std::env::args().any(|a| a == "--misses");
    let tune: Vec<CorpusLine> = corpus()
        .into_iter()
        .filter(|l| l.split == Split::Tune)
        .collect();
    let (mut right, mut total) = (0, 0);
    for fold in 0..FOLDS {
        let folded: Vec<CorpusLine> = tune
            .iter()
            .enumerate()
            .map(|(i, l)| CorpusLine {
                text: l.text.clone(),
                primary: l.primary,
                moves: l.moves.clone(),
                campaign: l.campaign.clone(),
                split: if i % FOLDS == fold {
                    Split::Heldout
                } else {
                    Split::Tune
                },
            })
            .collect();
        let classifier = match Classifier::train(&lexicon, &folded) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("lexicon: {e}");
                std::process::exit(1);
            }
        };
        for line in folded.iter().filter(|l| l.split == Split::Heldout) {
            let reading = classifier.classify(&line.text);
            total += 1;
            if reading.primary == line.primary {
                right += 1;
            } else if show_misses {
                println!(
                    "{:>15} read as {:<15} {:?}",
                    line.primary.id(),
                    reading.primary.id(),
                    line.text
                );
            }
        }
    }
    println!(
        "5-fold cross-validation on {} tune lines: {:.1}% top-1",
        total,
        100.0 * right as f64 / total as f64
    );
}
