//! What any persona says when its own file leaves a section out (`defaults.toml`).
//!
//! Every key is required here, so the engine always has a line to say; a persona's own
//! optional sections take precedence.

use super::values::Reply;
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    pub introduction: IntroductionDefaults,
    pub agitation: AgitationDefaults,
    pub vision: VisionDefaults,
    pub silence: SilenceDefaults,
    pub ask: AskDefaults,
    pub next_steps: NextStepsDefaults,
    pub patience: PatienceDefaults,
    pub objection: ObjectionDefaults,
    pub moves: MoveDefaults,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntroductionDefaults {
    pub opens_up: Reply,
    pub guarded: Reply,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgitationDefaults {
    pub not_yet: Reply,
    pub names_target: Reply,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisionDefaults {
    pub skeptical: Reply,
    pub open: Reply,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SilenceDefaults {
    pub after_deep_question: Reply,
    pub early: Reply,
    pub after_statement: Reply,
    pub repeated: Reply,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AskDefaults {
    pub too_soon: Reply,
    pub pressured_yes: Reply,
    pub hesitates: Reply,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextStepsDefaults {
    pub schedule: Reply,
    pub recap: Reply,
    /// Asked when or how to follow up before they have said yes.
    pub not_yet: Reply,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatienceDefaults {
    pub wearing_thin: Reply,
    pub leaves: Reply,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectionDefaults {
    pub ignored: Reply,
}

/// Replies to moves that no persona section answers.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MoveDefaults {
    pub closed_question: Reply,
    pub small_talk: Reply,
    pub pressure: Reply,
    pub rescue: Reply,
    pub unclear: Reply,
    pub consequence: Reply,
    pub frame: Reply,
    pub gauge: Reply,
}

/// Parsed once. The file is part of the binary and a test parses it, so a failure here is
/// a build of greenlight that should never have shipped, not something a user can cause.
pub static DEFAULTS: LazyLock<Defaults> = LazyLock::new(|| {
    toml::from_str(include_str!("defaults.toml")).expect("src/content/defaults.toml is valid")
});

#[cfg(test)]
mod tests {
    #[test]
    fn the_bundled_defaults_parse() {
        let parsed: Result<super::Defaults, _> = toml::from_str(include_str!("defaults.toml"));
        assert!(parsed.is_ok(), "{:?}", parsed.err());
    }
}
