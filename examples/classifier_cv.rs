//! Tuning the classifier without touching the held-out lines, reading the lexicon from disk
//! so a change to it needs no rebuild.
//!
//!     cargo run --release --example classifier_cv [-- --misses]
//!         5-fold cross-validation on the tune part of the corpus.
//!     cargo run --release --example classifier_cv -- --dev NEW.jsonl [--misses]
//!         Trains on every tune line and reads a file of newly written lines (same format
//!         as the corpus) before they join it: a fresh measure of what the tuning learned.

use greenlight::classify::{Classifier, CorpusLine, Split, corpus};

const FOLDS: usize = 5;

fn main() {
    let lexicon =
        std::fs::read_to_string("src/classify/lexicon.toml").expect("run from the repository root");
    let args: Vec<String> = std::env::args().collect();
    let show_misses = args.iter().any(|a| a == "--misses");
    let tune: Vec<CorpusLine> = corpus()
        .into_iter()
        .filter(|l| l.split == Split::Tune)
        .collect();
    let (right, total) = match args.iter().position(|a| a == "--dev") {
        Some(at) => {
            let path = args.get(at + 1).expect("--dev needs a file");
            let text = std::fs::read_to_string(path).expect("the --dev file is readable");
            let dev: Vec<CorpusLine> = text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| serde_json::from_str(l).expect("every --dev line is a corpus line"))
                .collect();
            score(&train(&lexicon, &tune), &dev, show_misses)
        }
        None => {
            let (mut right, mut total) = (0, 0);
            for fold in 0..FOLDS {
                let (held, kept): (Vec<_>, Vec<_>) = tune
                    .iter()
                    .enumerate()
                    .partition(|(i, _)| i % FOLDS == fold);
                let kept: Vec<CorpusLine> = kept.into_iter().map(|(_, l)| l.clone()).collect();
                let held: Vec<CorpusLine> = held.into_iter().map(|(_, l)| l.clone()).collect();
                let (r, t) = score(&train(&lexicon, &kept), &held, show_misses);
                right += r;
                total += t;
            }
            (right, total)
        }
    };
    println!(
        "{} lines read: {:.1}% top-1",
        total,
        100.0 * right as f64 / total as f64
    );
}

fn train(lexicon: &str, lines: &[CorpusLine]) -> Classifier {
    Classifier::train(lexicon, lines).unwrap_or_else(|e| {
        eprintln!("lexicon: {e}");
        std::process::exit(1);
    })
}

fn score(classifier: &Classifier, lines: &[CorpusLine], show_misses: bool) -> (usize, usize) {
    let mut right = 0;
    for line in lines {
        let reading = classifier.classify(&line.text);
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
    (right, lines.len())
}
