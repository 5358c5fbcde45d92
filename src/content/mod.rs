//! Content: personas, scenarios and models, read from TOML into typed, validated values.
//!
//! Owns finding the files (bundled, the user's config folder, `GREENLIGHT_PATH`,
//! `--content`), reading them, and reporting every problem with its location. Everything
//! is checked here, once, at load time; the engine can then trust what it is given.

// A Diagnostic is large, but it is only built on the cold path of a one-shot load, where
// boxing it would cost clarity and buy nothing.
#![allow(clippy::result_large_err)]

pub mod defaults;
pub mod model;
pub mod persona;
pub mod scenario;
pub mod step;
pub mod values;

mod diagnostic;
mod source;
mod suggest;

pub use suggest::nearest;

pub use diagnostic::{Diagnostic, Problem};

use model::Model;
use persona::Persona;
use scenario::Scenario;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use source::SourceFile;
use std::collections::BTreeMap;
use std::collections::btree_map::Entry as MapEntry;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;
use values::Id;

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// Shown as the folder of bundled files, which live inside the binary.
const BUNDLED_PREFIX: &str = "<bundled>/";

/// What a content file is, from its `kind` key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Persona,
    Scenario,
    Model,
}

impl Kind {
    const ALL: [Kind; 3] = [Kind::Persona, Kind::Scenario, Kind::Model];

    pub fn id(self) -> &'static str {
        match self {
            Kind::Persona => "persona",
            Kind::Scenario => "scenario",
            Kind::Model => "model",
        }
    }
}

/// The folders content is read from, beyond the bundled files, in order of precedence:
/// a file in a later folder replaces one of the same kind and id in an earlier one.
#[derive(Clone, Debug, Default)]
pub struct ContentPaths {
    /// The user's config folder; read only if it exists.
    pub config: Option<PathBuf>,
    /// From `GREENLIGHT_PATH`.
    pub search_path: Vec<PathBuf>,
    /// From `--content`.
    pub content: Vec<PathBuf>,
}

impl ContentPaths {
    /// The conventional places, from the environment: `$XDG_CONFIG_HOME/greenlight` (or
    /// `~/.config/greenlight`) and `GREENLIGHT_PATH`.
    pub fn from_env(content: Vec<PathBuf>) -> ContentPaths {
        let search_path = std::env::var_os("GREENLIGHT_PATH")
            .map(|v| {
                std::env::split_paths(&v)
                    .filter(|p| !p.as_os_str().is_empty())
                    .collect()
            })
            .unwrap_or_default();
        ContentPaths {
            config: crate::folders::config(),
            search_path,
            content,
        }
    }
}

/// A loaded item and the file it came from.
#[derive(Clone, Debug)]
pub struct Entry<T> {
    pub item: T,
    pub source: Arc<SourceFile>,
}

impl<T> Entry<T> {
    pub fn path(&self) -> &str {
        &self.source.path
    }

    pub fn is_bundled(&self) -> bool {
        self.source.path.starts_with(BUNDLED_PREFIX)
    }
}

/// Everything loaded, after later folders have replaced earlier ones.
#[derive(Clone, Debug, Default)]
pub struct Library {
    pub personas: BTreeMap<Id, Entry<Persona>>,
    pub scenarios: BTreeMap<Id, Entry<Scenario>>,
    pub models: BTreeMap<Id, Entry<Model>>,
}

/// A scenario with the persona and model it names.
pub type Resolved<'l> = (&'l Entry<Scenario>, &'l Entry<Persona>, &'l Entry<Model>);

impl Library {
    /// The scenario `id`, its persona and its model; `None` if the scenario is not loaded.
    /// (The loader has checked that every loaded scenario's persona and model exist.)
    pub fn resolve(&self, id: &str) -> Option<Resolved<'_>> {
        let scenario = self.scenarios.get(id)?;
        let persona = self.personas.get(scenario.item.persona_id())?;
        let model = self.models.get(scenario.item.model_id())?;
        Some((scenario, persona, model))
    }

    /// A fingerprint of the files a scenario runs on (the scenario, its persona, its
    /// model), recorded in transcripts so a changed file is noticed on resume and scoring.
    pub fn fingerprint(&self, scenario: &str) -> Option<String> {
        let (scenario, persona, model) = self.resolve(scenario)?;
        let mut bytes = Vec::new();
        for text in [
            &scenario.source.text,
            &persona.source.text,
            &model.source.text,
        ] {
            bytes.extend_from_slice(text.as_bytes());
            // A separator, so that moving text from one file to the next changes the hash.
            bytes.push(0);
        }
        Some(format!("fnv1a64:{:016x}", crate::hash::fnv1a(&bytes)))
    }
}

/// The result of loading: what loaded, and every problem found on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    pub library: Library,
    pub diagnostics: Vec<Diagnostic>,
    /// Every file read, in order.
    pub files: Vec<String>,
}

impl Loaded {
    pub fn is_clean(&self) -> bool {
        self.diagnostics.is_empty()
    }
}

/// One file, parsed.
enum Item {
    Persona(Box<Persona>),
    Scenario(Box<Scenario>),
    Model(Box<Model>),
}

impl Item {
    fn kind(&self) -> Kind {
        match self {
            Item::Persona(_) => Kind::Persona,
            Item::Scenario(_) => Kind::Scenario,
            Item::Model(_) => Kind::Model,
        }
    }

    fn id(&self) -> &Spanned<Id> {
        match self {
            Item::Persona(p) => &p.id,
            Item::Scenario(s) => &s.id,
            Item::Model(m) => &m.id,
        }
    }
}

/// Loads the bundled files and every folder in `paths`.
pub fn load(paths: &ContentPaths) -> Loaded {
    load_with(paths, &[])
}

/// As [`load`], with `extra` files or folders read last, above everything else (what
/// `greenlight check PATH…` checks).
pub fn load_with(paths: &ContentPaths, extra: &[PathBuf]) -> Loaded {
    let mut loaded = Loaded::default();
    let mut layers: Vec<Vec<SourceFile>> = Vec::new();

    let bundled = BUNDLED
        .iter()
        .filter_map(|(path, text)| {
            let path = format!("{BUNDLED_PREFIX}{path}");
            loaded.files.push(path.clone());
            SourceFile::from_bytes(path, text.as_bytes().to_vec())
                .map_err(|d| loaded.diagnostics.push(d))
                .ok()
        })
        .collect();
    layers.push(bundled);
    if let Some(config) = paths.config.as_deref().filter(|c| c.is_dir()) {
        layers.push(read_folder(config, &mut loaded));
    }
    for folder in paths.search_path.iter().chain(&paths.content) {
        layers.push(read_folder(folder, &mut loaded));
    }
    if !extra.is_empty() {
        let mut files = Vec::new();
        for path in extra {
            if path.is_dir() {
                files.extend(read_folder(path, &mut loaded));
            } else {
                files.extend(read_file(path, &mut loaded));
            }
        }
        layers.push(files);
    }

    for layer in layers {
        let mut seen: BTreeMap<(Kind, Id), (Arc<SourceFile>, Range<usize>)> = BTreeMap::new();
        for file in layer {
            let file = Arc::new(file);
            let item = match parse(&file) {
                Ok(item) => item,
                Err(diagnostics) => {
                    loaded.diagnostics.extend(diagnostics);
                    continue;
                }
            };
            let key = (item.kind(), item.id().get_ref().clone());
            match seen.entry(key) {
                MapEntry::Occupied(first) => {
                    let (first_file, first_span) = first.get();
                    loaded.diagnostics.push(Diagnostic::at(
                        &file.path,
                        &file.text,
                        item.id().span(),
                        format!(
                            "duplicate {} id `{}`: {} defines it too",
                            item.kind().id(),
                            item.id().get_ref(),
                            Diagnostic::location(
                                &first_file.path,
                                &first_file.text,
                                first_span.start
                            )
                        ),
                        Some(
                            "ids must be unique within a folder: rename one, or delete the copy"
                                .into(),
                        ),
                    ));
                    continue;
                }
                MapEntry::Vacant(slot) => {
                    slot.insert((file.clone(), item.id().span()));
                }
            }
            insert(&mut loaded.library, item, file);
        }
    }
    loaded.diagnostics.extend(cross_references(&loaded.library));
    loaded
}

/// Reads one file, noting it as read whether or not it could be.
fn read_file(path: &Path, loaded: &mut Loaded) -> Option<SourceFile> {
    loaded.files.push(path.display().to_string());
    SourceFile::read(path)
        .map_err(|d| loaded.diagnostics.push(d))
        .ok()
}

fn read_folder(folder: &Path, loaded: &mut Loaded) -> Vec<SourceFile> {
    if !folder.exists() {
        loaded.diagnostics.push(Diagnostic::whole(
            folder.display().to_string(),
            "no such folder",
            Some("check the path given to --content or in GREENLIGHT_PATH".into()),
        ));
        return Vec::new();
    }
    let paths = match source::toml_files_in(folder) {
        Ok(paths) => paths,
        Err(d) => {
            loaded.diagnostics.push(d);
            return Vec::new();
        }
    };
    paths.iter().filter_map(|p| read_file(p, loaded)).collect()
}

/// A later file replaces an earlier one of the same kind and id.
fn insert(library: &mut Library, item: Item, source: Arc<SourceFile>) {
    match item {
        Item::Persona(p) => {
            library
                .personas
                .insert(p.id().clone(), Entry { item: *p, source });
        }
        Item::Scenario(s) => {
            library
                .scenarios
                .insert(s.id().clone(), Entry { item: *s, source });
        }
        Item::Model(m) => {
            library
                .models
                .insert(m.id().clone(), Entry { item: *m, source });
        }
    }
}

/// Just enough of a file to know what it is.
#[derive(Deserialize)]
struct KindOnly {
    kind: Option<Spanned<String>>,
}

fn parse(file: &SourceFile) -> Result<Item, Vec<Diagnostic>> {
    let located = |problems: Vec<Problem>| -> Vec<Diagnostic> {
        problems
            .into_iter()
            .map(|p| Diagnostic::from_problem(&file.path, &file.text, p))
            .collect()
    };
    // Every syntax error shows up here, before the schema is applied.
    let probe: KindOnly = typed(file, Stage::Syntax).map_err(|d| vec![d])?;
    let Some(kind) = probe.kind else {
        return Err(located(vec![Problem::new(
            0..0,
            "missing `kind`: is this a persona, a scenario or a model?",
            "add `kind = \"persona\"` (or \"scenario\", \"model\") as the first line",
        )]));
    };
    let problems_or = |item: Item, problems: Vec<Problem>| {
        if problems.is_empty() {
            Ok(item)
        } else {
            Err(located(problems))
        }
    };
    match kind.get_ref().as_str() {
        "persona" => {
            let persona: Persona = typed(file, Stage::Schema).map_err(|d| vec![d])?;
            let problems = persona.problems();
            problems_or(Item::Persona(Box::new(persona)), problems)
        }
        "scenario" => {
            let scenario: Scenario = typed(file, Stage::Schema).map_err(|d| vec![d])?;
            let problems = scenario.problems();
            problems_or(Item::Scenario(Box::new(scenario)), problems)
        }
        "model" => {
            let model: Model = typed(file, Stage::Schema).map_err(|d| vec![d])?;
            let problems = model.problems();
            problems_or(Item::Model(Box::new(model)), problems)
        }
        other => {
            let kinds = Kind::ALL.map(Kind::id);
            let hint = match suggest::nearest(other, kinds) {
                Some(near) => format!("did you mean `{near}`?"),
                None => "write kind = \"persona\", \"scenario\" or \"model\"".to_owned(),
            };
            Err(located(vec![Problem::new(
                kind.span(),
                format!("unknown kind `{other}`: expected `persona`, `scenario` or `model`"),
                hint,
            )]))
        }
    }
}

/// Which pass over a file found a problem, since only the first can find TOML syntax errors.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Syntax,
    Schema,
}

/// Deserializes the whole file, turning serde's message into one a trainer can act on.
fn typed<T: DeserializeOwned>(file: &SourceFile, stage: Stage) -> Result<T, Diagnostic> {
    toml::from_str(&file.text).map_err(|err| {
        let (message, mut hint) = explain(err.message());
        if hint.is_none() && stage == Stage::Syntax {
            hint = Some(
                "this is TOML syntax: https://toml.io/en/v1.0.0 shows how strings, lists and \
                 tables are written"
                    .into(),
            );
        }
        let span = err.span().unwrap_or(0..0);
        Diagnostic::at(&file.path, &file.text, span, message, hint)
    })
}

/// Rewrites serde's and toml's messages in the words of the content format, with a hint.
fn explain(message: &str) -> (String, Option<String>) {
    let message = message.trim();
    let quoted = backticked(message);
    let (typed, known) = match quoted.split_first() {
        Some((first, rest)) => (*first, rest.to_vec()),
        None => ("", Vec::new()),
    };
    let suggestion = |what: &str| {
        // `kind` is read separately and is never the key a trainer meant to type.
        let known: Vec<&str> = known.iter().copied().filter(|k| *k != "kind").collect();
        let list = known
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ");
        match suggest::nearest(typed, known.iter().copied()) {
            Some(near) => format!("did you mean `{near}`? {what}: {list}"),
            None => format!("{what}: {list}"),
        }
    };
    if message.starts_with("unknown field") {
        (
            format!("unknown key `{typed}`"),
            Some(suggestion("the keys allowed here are")),
        )
    } else if message.starts_with("unknown variant") {
        (
            format!("unknown value `{typed}`"),
            Some(suggestion("expected one of")),
        )
    } else if message.starts_with("missing field") {
        (
            format!("missing key `{typed}`"),
            Some(format!(
                "add `{typed} = …` to this table; docs/content-format.md says what it holds"
            )),
        )
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        (
            format!(
                "wrong type: found {}, expected {}",
                found,
                plain_type(expected)
            ),
            Some("docs/content-format.md gives the type of every key".into()),
        )
    } else {
        (message.to_owned(), None)
    }
}

/// Every `quoted` word in a serde message, in order.
fn backticked(message: &str) -> Vec<&str> {
    message.split('`').skip(1).step_by(2).collect()
}

/// serde's Rust-flavoured type names in a trainer's words.
fn plain_type(expected: &str) -> String {
    let expected = expected.trim();
    if expected.starts_with("struct ") || expected == "a map" {
        "a table".to_owned()
    } else if expected.starts_with("a sequence") {
        "a list".to_owned()
    } else if [
        "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "usize",
    ]
    .contains(&expected)
    {
        "a whole number".to_owned()
    } else if expected == "a boolean" {
        "true or false".to_owned()
    } else {
        expected.to_owned()
    }
}

/// Problems between files: references by id that lead nowhere.
fn cross_references(library: &Library) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for entry in library.scenarios.values() {
        let scenario = &entry.item;
        let at = |span: Range<usize>, message: String, hint: String| {
            Diagnostic::at(entry.path(), &entry.source.text, span, message, Some(hint))
        };
        let persona = library.personas.get(scenario.persona_id());
        if persona.is_none() {
            diagnostics.push(at(
                scenario.persona.span(),
                format!(
                    "scenario `{}` names persona `{}`, which does not exist",
                    scenario.id(),
                    scenario.persona_id()
                ),
                unknown_id_hint(
                    scenario.persona_id().as_str(),
                    library.personas.keys(),
                    "personas",
                ),
            ));
        }
        if !library.models.contains_key(scenario.model_id()) {
            // With no `model` key the scenario uses the default, so point at its id.
            let span = scenario
                .model
                .as_ref()
                .map_or(scenario.id.span(), |m| m.span());
            diagnostics.push(at(
                span,
                format!("model `{}` does not exist", scenario.model_id()),
                unknown_id_hint(scenario.model_id(), library.models.keys(), "models"),
            ));
        }
        let (Some(persona_entry), Some(drill)) = (persona, &scenario.drill) else {
            continue;
        };
        let persona = &persona_entry.item;
        // When a trainer's persona replaces a bundled one that a bundled scenario relies on,
        // the fix is in the trainer's file, so that is where the problem is reported.
        let blame_persona = entry.is_bundled() && !persona_entry.is_bundled();
        let missing = |kind: &str, id: &Spanned<Id>, known: Vec<&Id>| {
            let hint = unknown_id_hint(
                id.get_ref().as_str(),
                known.into_iter(),
                &format!("{kind}s"),
            );
            if blame_persona {
                Diagnostic::at(
                    persona_entry.path(),
                    &persona_entry.source.text,
                    persona.id.span(),
                    format!(
                        "this persona replaces the bundled `{}`, but has no {kind} `{}`, which the bundled scenario `{}` needs",
                        persona.id(),
                        id.get_ref(),
                        scenario.id()
                    ),
                    Some(format!(
                        "add a {kind} with id = \"{}\", or replace scenario `{}` too; {hint}",
                        id.get_ref(),
                        scenario.id()
                    )),
                )
            } else {
                at(
                    id.span(),
                    format!(
                        "persona `{}` has no {kind} `{}`",
                        persona.id(),
                        id.get_ref()
                    ),
                    hint,
                )
            }
        };
        for stake in &drill.uncovered {
            if persona.stake(stake.get_ref().as_str()).is_none() {
                let known = persona
                    .stakes
                    .get_ref()
                    .iter()
                    .map(|s| s.id.get_ref())
                    .collect();
                diagnostics.push(missing("stake", stake, known));
            }
        }
        for objection in &drill.surfaced {
            if persona.objection(objection.get_ref().as_str()).is_none() {
                let known = persona.objections.iter().map(|o| o.id.get_ref()).collect();
                diagnostics.push(missing("objection", objection, known));
            }
        }
    }
    diagnostics
}

fn unknown_id_hint<'a>(
    typed: &str,
    known: impl Iterator<Item = &'a Id> + Clone,
    what: &str,
) -> String {
    let list = known
        .clone()
        .map(|id| format!("`{id}`"))
        .collect::<Vec<_>>();
    let list = if list.is_empty() {
        "none".to_owned()
    } else {
        list.join(", ")
    };
    match suggest::nearest(typed, known.map(Id::as_str)) {
        Some(near) => format!("did you mean `{near}`? Known {what}: {list}"),
        None => format!("known {what}: {list}"),
    }
}

/// Problems for every id that repeats one before it, pointing back at the first.
pub(crate) fn duplicate_ids<'a>(
    what: &str,
    ids: impl Iterator<Item = &'a Spanned<Id>>,
) -> Vec<Problem> {
    let mut first_seen: BTreeMap<&Id, Range<usize>> = BTreeMap::new();
    let mut problems = Vec::new();
    for id in ids {
        match first_seen.get(id.get_ref()) {
            Some(first) => problems.push(Problem {
                first: Some(first.clone()),
                ..Problem::new(
                    id.span(),
                    format!("duplicate {what} id `{}`", id.get_ref()),
                    format!("each {what} needs its own id: rename this one"),
                )
            }),
            None => {
                first_seen.insert(id.get_ref(), id.span());
            }
        }
    }
    problems
}
