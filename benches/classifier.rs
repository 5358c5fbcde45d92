//! How fast the classifier reads a line and how long training takes at start-up.
//! Goals: a line well under a millisecond (the REPL must feel instant); training in a
//! quarter to a third of a second in release. It grows with the corpus (189 ms on 2,817
//! lines, 298 ms on 6,419 with two cores reading them, 405 ms on 9,136: over the goal); it
//! runs once a process, and the REPL starts it behind the briefing, so a trainee does not
//! wait for it. Most of it is the cue automata reading every line, a fifth of it their lazy
//! DFAs being built, once on each thread.

use criterion::{Criterion, criterion_group, criterion_main};
use greenlight::classify::{Classifier, corpus};
use std::hint::black_box;

fn classify(c: &mut Criterion) {
    let classifier = Classifier::bundled();
    c.bench_function("classify one line", |b| {
        b.iter(|| {
            classifier.classify(black_box(
                "So the heat went out four times. Who do you think is responsible?",
            ))
        })
    });
}

fn train(c: &mut Criterion) {
    let lexicon = include_str!("../src/classify/lexicon.toml");
    let corpus = corpus();
    let mut group = c.benchmark_group("start-up");
    group.sample_size(10);
    group.bench_function("compile the lexicon and train", |b| {
        b.iter(|| Classifier::train(black_box(lexicon), black_box(&corpus)))
    });
    group.finish();
}

criterion_group!(benches, classify, train);
criterion_main!(benches);
