//! Reading the organizer's lines as moves.
//!
//! Two kinds of evidence, combined by a small linear model:
//! - the lexicon (`lexicon.toml`), written by people: cue phrases organizers use for each
//!   move, each compiled once into its own automaton, and word classes (what a sentence is
//!   about: family, pay and conditions, the people in power); the cues that fire are the
//!   explanation;
//! - the words themselves: a multinomial logistic regression over words, word pairs, the
//!   word classes and the fired cues, trained at first use, deterministically, on the tune
//!   part of the labelled corpus in `tests/data/classify/` (never on its held-out part, so
//!   the accuracy the tests report is honest).
//!
//! A line is read sentence by sentence for its moves in order; the primary move (the one
//! the persona answers) follows how a listener hears the line (`primary_of`). No I/O; the
//! same line always reads the same way.

mod model;
mod reading;
mod text;
mod topic;

pub use reading::{Cue, Reading};

use crate::moves::Move;
use model::{Example, LinearModel};
// Bytes, not str: with Unicode off, `\b` is an ASCII word boundary the lazy DFA can run
// (a Unicode one makes it fall back to a far slower engine). The lexicon is English words;
// nothing in it needs Unicode classes.
use regex::bytes::{Regex, RegexBuilder};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;
use text::Features;
use topic::Topics;

/// A question this short takes its meaning from the sentences before it.
const SHORT_QUESTION_WORDS: usize = 6;
/// A pattern longer than this is a mistake, not a cue.
const MAX_PATTERN_LEN: usize = 400;
/// Keeps a pathological lexicon from using unbounded memory when compiled.
const MAX_COMPILED_BYTES: usize = 16 * 1024 * 1024;

/// Forms of silence: nothing said, on purpose.
const SILENT_FORMS: [&str; 12] = [
    "",
    "/silence",
    "(silence)",
    "[silence]",
    "(pause)",
    "[pause]",
    "mm",
    "mmm",
    "hm",
    "hmm",
    "mhm",
    "(silent)",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    #[serde(default)]
    spelling: HashMap<String, String>,
    #[serde(default)]
    topic: BTreeMap<String, Vec<String>>,
    cue: Vec<CueFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CueFile {
    #[serde(rename = "move")]
    for_move: Move,
    name: String,
    patterns: Vec<String>,
}

/// One named cue, for explanations.
struct CueDef {
    for_move: Move,
    name: String,
}

/// A line of the labelled corpus.
#[derive(Clone, Deserialize)]
pub struct CorpusLine {
    pub text: String,
    pub primary: Move,
    pub moves: Vec<Move>,
    pub campaign: String,
    pub split: Split,
    /// The corpus file the line comes from, e.g. `corpus-more.jsonl`.
    #[serde(skip)]
    pub file: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Split {
    Tune,
    Heldout,
}

/// The labelled corpus bundled with greenlight: the original lines (tune and held-out),
/// and further tune lines written by people who never saw the held-out ones.
pub fn corpus() -> Vec<CorpusLine> {
    macro_rules! files {
        ($($name:literal),* $(,)?) => {
            [$(($name, include_str!(concat!("../../tests/data/classify/", $name)))),*]
        };
    }
    let files = files![
        "corpus.jsonl",
        "corpus-more.jsonl",
        // Lines content writers saw misread while writing personas, with what they meant.
        "corpus-field.jsonl",
        "corpus-third.jsonl",
        "corpus-fourth.jsonl",
        "corpus-fifth.jsonl",
        "corpus-sixth.jsonl",
        "corpus-seventh.jsonl",
        "corpus-eighth.jsonl",
        "corpus-ninth.jsonl",
        "corpus-tenth.jsonl",
        // Held out from the start, by writers who never saw any other line.
        "heldout-conversations.jsonl",
        "heldout-examiner.jsonl",
    ];
    files
        .iter()
        .flat_map(|(name, text)| text.lines().map(move |line| (*name, line)))
        .filter(|(_, line)| !line.trim().is_empty())
        .filter_map(|(file, line)| {
            let mut parsed: CorpusLine = serde_json::from_str(line).ok()?;
            parsed.file = file;
            Some(parsed)
        })
        .collect()
}

pub struct Classifier {
    spelling: HashMap<String, String>,
    topics: Topics,
    cues: Vec<CueDef>,
    /// One automaton per cue, parallel to `cues`. A single set of every pattern would be
    /// one automaton so large that its lazy DFA keeps rebuilding states (it took a second
    /// to train at start-up); small ones stay cached.
    matchers: Vec<Regex>,
    model: LinearModel,
}

static BUNDLED: LazyLock<Classifier> = LazyLock::new(|| {
    // Both files are part of the binary and tests load them, so a failure here is a build
    // that should never have shipped, not something a user can cause.
    Classifier::train(include_str!("lexicon.toml"), &corpus())
        .expect("the bundled lexicon compiles")
});

impl Classifier {
    /// The classifier trained on the bundled lexicon and corpus (once per process).
    pub fn bundled() -> &'static Classifier {
        &BUNDLED
    }

    /// Compiles `lexicon` and trains on the tune lines of `corpus`.
    pub fn train(lexicon: &str, corpus: &[CorpusLine]) -> Result<Classifier, String> {
        let file: LexiconFile = toml::from_str(lexicon).map_err(|e| e.to_string())?;
        let mut cues = Vec::new();
        let mut matchers = Vec::new();
        for cue in file.cue {
            if let Some(long) = cue.patterns.iter().find(|p| p.len() > MAX_PATTERN_LEN) {
                return Err(format!(
                    "cue `{}`: a pattern is over {MAX_PATTERN_LEN} characters: {long}",
                    cue.name
                ));
            }
            let alternation = cue
                .patterns
                .iter()
                .map(|p| format!("(?:{p})"))
                .collect::<Vec<_>>()
                .join("|");
            let matcher = RegexBuilder::new(&alternation)
                .case_insensitive(true)
                .unicode(false)
                .size_limit(MAX_COMPILED_BYTES)
                .dfa_size_limit(MAX_COMPILED_BYTES)
                .build()
                .map_err(|e| format!("cue `{}`: {e}", cue.name))?;
            matchers.push(matcher);
            cues.push(CueDef {
                for_move: cue.for_move,
                name: cue.name,
            });
        }
        let mut classifier = Classifier {
            spelling: file.spelling,
            topics: Topics::new(file.topic),
            cues,
            matchers,
            model: LinearModel::default(),
        };
        // Silence is read by rule, so the model need not learn that short means silent.
        let lines: Vec<&CorpusLine> = corpus
            .iter()
            .filter(|line| line.split == Split::Tune && !classifier.is_silent(&line.text))
            .collect();
        // Reading the lines is most of the start-up time and each line is read alone, so
        // the cores share them; the examples come back in corpus order, so training stays
        // deterministic.
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let per_worker = lines.len().div_ceil(workers).max(1);
        let reader = &classifier;
        let examples: Vec<Example> = std::thread::scope(|scope| {
            let parts: Vec<_> = lines
                .chunks(per_worker)
                .map(|part| {
                    scope.spawn(move || {
                        part.iter()
                            .flat_map(|line| reader.examples(line))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            parts
                .into_iter()
                .flat_map(|part| part.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        classifier.model = LinearModel::train(&examples);
        Ok(classifier)
    }

    /// Training examples from one corpus line: the whole line for its primary move, and
    /// each sentence for its own move where sentences and moves line up.
    fn examples(&self, line: &CorpusLine) -> Vec<Example> {
        let mut examples = vec![Example {
            features: self.features(&line.text).names,
            label: line.primary,
        }];
        let sentences = text::sentences(&line.text);
        if sentences.len() > 1 && sentences.len() == line.moves.len() {
            for (sentence, m) in sentences.iter().zip(&line.moves) {
                examples.push(Example {
                    features: self.features(sentence).names,
                    label: *m,
                });
            }
        }
        examples
    }

    /// Normal form: lower case, straight quotes, single spaces, text-speak spelled out.
    fn normalize(&self, text: &str) -> String {
        let normal = text::normalize(text);
        let mut out = String::with_capacity(normal.len());
        let mut word = String::new();
        for c in normal.chars().chain(std::iter::once(' ')) {
            if c.is_alphanumeric() || c == '\'' {
                word.push(c);
                continue;
            }
            if !word.is_empty() {
                out.push_str(
                    self.spelling
                        .get(&word)
                        .map_or(word.as_str(), String::as_str),
                );
                word.clear();
            }
            out.push(c);
        }
        out.pop();
        out
    }

    fn is_silent(&self, line: &str) -> bool {
        let normal = self.normalize(line);
        let bare = normal.trim();
        SILENT_FORMS.contains(&bare)
            || bare
                .chars()
                .all(|c| c == '.' || c == '…' || c.is_whitespace())
    }

    fn features(&self, text: &str) -> Features {
        let normal = self.normalize(text);
        let fired_cues: Vec<usize> = self
            .matchers
            .iter()
            .enumerate()
            .filter(|(_, m)| m.is_match(normal.as_bytes()))
            .map(|(i, _)| i)
            .collect();
        let cue_moves: Vec<Move> = fired_cues.iter().map(|c| self.cues[*c].for_move).collect();
        let cue_names: Vec<String> = fired_cues
            .iter()
            .map(|c| self.cues[*c].name.clone())
            .collect();
        let words = text::words(&normal);
        let topics = self.topics.of(&words);
        Features::of(&normal, &words, &cue_names, &cue_moves, fired_cues, &topics)
    }

    /// Reads one line.
    pub fn classify(&self, line: &str) -> Reading {
        if self.is_silent(line) {
            return Reading {
                text: line.to_owned(),
                primary: Move::Silence,
                moves: vec![Move::Silence],
                question: false,
                cues: vec![Cue {
                    for_move: Move::Silence,
                    sentence: 0,
                    evidence: "said nothing".into(),
                }],
            };
        }
        let sentences = text::sentences(line);
        let whole = self.decide(&self.features(line));
        let mut moves = Vec::new();
        let mut cues = Vec::new();
        let mut last_question_at = None;
        let mut read = Vec::new();
        let mut last_read_cued = false;
        let mut pressing = false;
        let mut courtesy_at_end = false;
        let mut withdrawing = false;
        let mut unheard_pressure_at = None;
        for (n, sentence) in sentences.iter().enumerate() {
            let features = self.features(sentence);
            let m = if sentences.len() == 1 {
                whole
            } else {
                self.decide(&features)
            };
            read.push(m);
            last_read_cued = features.fired.iter().any(|c| self.cues[*c].for_move == m);
            let cued = |want: Move| {
                m == want
                    && features
                        .fired
                        .iter()
                        .any(|c| self.cues[*c].for_move == want)
            };
            pressing |= cued(Move::Pressure);
            // Only the last sentence can take back what came before it.
            withdrawing = cued(Move::Rescue);
            if sentence.trim_end().ends_with('?') {
                last_question_at = Some(moves.len());
                courtesy_at_end = features
                    .fired
                    .iter()
                    .any(|c| self.cues[*c].for_move == Move::SmallTalk);
            }
            for cue in &features.fired {
                if self.cues[*cue].for_move == m {
                    cues.push(Cue {
                        for_move: m,
                        sentence: n,
                        evidence: format!("cue: {}", self.cues[*cue].name),
                    });
                }
            }
            let words = self.model.evidence(&features.names, m, 2, &["w:", "b:"]);
            let topics = self.model.evidence(&features.names, m, 1, &["t:"]);
            for evidence in words
                .iter()
                .map(|word| format!("words: \"{word}\""))
                .chain(topics.iter().map(|topic| format!("about: {topic}")))
            {
                cues.push(Cue {
                    for_move: m,
                    sentence: n,
                    evidence,
                });
            }
            // Fragments ("Ok.", "So.") say nothing when other sentences do. Pressure and
            // rescue cost the trainee dearly, so beside other moves they need a cue: when
            // unsure, the milder reading.
            let uncued_charge = matches!(m, Move::Pressure | Move::Rescue) && !cued(m);
            if sentences.len() > 1 && (m == Move::Unclear || uncued_charge) {
                if m == Move::Pressure {
                    unheard_pressure_at.get_or_insert(moves.len());
                }
                continue;
            }
            if moves.last() != Some(&m) {
                moves.push(m);
            }
        }
        let primary = primary_of(
            &sentences,
            &read,
            last_read_cued,
            whole,
            pressing,
            withdrawing,
            courtesy_at_end,
        );
        if let Some(at) = unheard_pressure_at.filter(|_| primary == Move::Pressure)
            && !moves.contains(&primary)
        {
            moves.insert(at, primary);
        }
        if !moves.contains(&primary) {
            match last_question_at.filter(|i| *i < moves.len()) {
                Some(i) => moves[i] = primary,
                None => moves.push(primary),
            }
            moves.dedup();
        }
        if moves.is_empty() {
            moves.push(primary);
        }
        cues.retain(|c| moves.contains(&c.for_move));
        Reading {
            text: line.to_owned(),
            primary,
            moves,
            question: line.contains('?'),
            cues,
        }
    }

    fn decide(&self, features: &Features) -> Move {
        if features.stuffed() {
            return Move::Unclear;
        }
        self.model.predict(&features.names, &[])
    }
}

/// The move the persona answers: the last question or request, as a listener hears it;
/// but pressure colours the whole line, a rescue at the end takes back what came before, a
/// courtesy after an introduction leaves it an introduction, and a line of statements is
/// what it ends on.
fn primary_of(
    sentences: &[&str],
    read: &[Move],
    last_read_cued: bool,
    whole: Move,
    pressing: bool,
    withdrawing: bool,
    courtesy_at_end: bool,
) -> Move {
    if read.len() <= 1 {
        return whole;
    }
    // Guilt or being made the holdout, then a plain ask ("Everyone else on the floor
    // signed. So, you in?"): no single phrase is a cue, but the sentence and the line both
    // read as pressure, and the ask it ends on is the pressure's.
    if pressing
        || (whole == Move::Pressure
            && read.contains(&Move::Pressure)
            && read.last() == Some(&Move::Ask))
    {
        return Move::Pressure;
    }
    if withdrawing {
        return Move::Rescue;
    }
    let last_question = sentences
        .iter()
        .zip(read)
        .rev()
        .find(|(s, m)| s.trim_end().ends_with('?') && **m != Move::Unclear);
    // A short question leans on what came before it ("Suppose we win. What does that
    // mean for you?", "They fined the plant once in five years. Surprised?"): the whole
    // line says what kind of question it is, unless it holds other questions too.
    let questions = sentences
        .iter()
        .filter(|s| s.trim_end().ends_with('?'))
        .count();
    let last_question = last_question.map(|(sentence, m)| {
        let short = sentence.split_whitespace().count() <= SHORT_QUESTION_WORDS;
        if short && questions == 1 && whole.is_question() && m.is_question() {
            whole
        } else {
            *m
        }
    });
    match last_question {
        // "I'm Bea from the pick line, we're meeting about the schedule. Got a sec?": the
        // persona answers the introduction, not the courtesy, however the courtesy reads.
        Some(_) if read.contains(&Move::Frame) && courtesy_at_end => Move::Frame,
        Some(Move::SmallTalk) if read.contains(&Move::Frame) => Move::Frame,
        Some(m) => m,
        // A line of statements is what it ends on ("I was cut off too. Here's the plan: …"
        // is the plan), when a cue backs that reading of its last sentence; otherwise the
        // whole line is surer than any one sentence.
        None => match read.last() {
            Some(last) if last_read_cued => *last,
            _ => whole,
        },
    }
}
