//! The conversation engine: a persona reacting to the organizer's moves, as the six-step
//! model says a real person in that situation would.
//!
//! Owns the persona's state (trust, how deep each stake has been uncovered, agitation,
//! openness, hidden objections, patience, their answer to the ask) and the rules that move
//! it. Does no I/O and prints nothing: [`Conversation::respond`] returns a [`Turn`] that the
//! REPL, the JSON mode, replay and the scorer all consume. Deterministic for a given seed.

mod pick;
pub mod state;

use crate::classify::Reading;
use crate::content::Library;
use crate::content::defaults::DEFAULTS;
use crate::content::model::Model;
use crate::content::persona::{Persona, Reaction, Stake};
use crate::content::scenario::Scenario;
use crate::content::step::Step;
use crate::content::values::{Echo, Reply, Variants};
use crate::moves::Move;
use serde::Serialize;
use state::ObjectionState;
pub use state::{Answer, Depth, End, Light, ObjectionStatus, Outcome, Pending, State};

// Trust a stake needs before it goes deeper: a stranger gets the surface, someone who has
// listened gets the story, someone trusted gets the reason underneath.
const TRUST_FOR_STORY: i64 = 35;
const TRUST_FOR_DEEP: i64 = 50;
// Below this, an ask is refused outright.
const TRUST_FOR_ANYTHING: i64 = 20;
// Pressure squeezes out a yes only from someone this close to the trust a real yes needs;
// anyone further away closes up and says no.
const PRESSURE_YES_MARGIN: i64 = 25;

// What each move does to trust and openness. Listening builds trust faster than talking.
const TRUST_FRAME: i64 = 10;
const TRUST_EXPLORE: i64 = 4;
const TRUST_REFLECT: i64 = 8;
const TRUST_NOTICED_REFLECT: i64 = 4;
const TRUST_HELD_SILENCE: i64 = 3;
const TRUST_PRESSURE: i64 = -15;
const TRUST_PREMATURE_ASK: i64 = -3;
const TRUST_UNFRAMED: i64 = -3;
const TRUST_IGNORED_OBJECTION: i64 = -5;
const TRUST_OBJECTION_HEARD: i64 = 5;
const OPENNESS_TARGET_NAMED: i64 = 15;
const OPENNESS_OBJECTION_MET: i64 = 10;
const OPENNESS_CONSEQUENCE: i64 = 8;
const OPENNESS_SHARED_STAKE: i64 = 3;

/// Statements in a row, without a question, before it is a lecture once the stake is
/// found: the model's step 4 is itself four statements (their stake and yours, the facts,
/// the vision, the plan) before checking their reaction. Before the stake is found every
/// statement already costs patience.
const LECTURE_AFTER: u32 = 4;

/// What the persona is talking with: read-only content, shared.
#[derive(Clone, Copy)]
pub struct Cast<'c> {
    pub scenario: &'c Scenario,
    pub persona: &'c Persona,
    pub model: &'c Model,
}

impl<'c> Cast<'c> {
    /// The scenario `id`, its persona and its model, if the scenario is loaded.
    pub fn from_library(library: &'c Library, id: &str) -> Option<Cast<'c>> {
        let (scenario, persona, model) = library.resolve(id)?;
        Some(Cast {
            scenario: &scenario.item,
            persona: &persona.item,
            model: &model.item,
        })
    }
}

/// One exchange: how the trainee's line was read and what the persona did.
#[derive(Clone, Debug, Serialize)]
pub struct Turn {
    pub turn: u32,
    pub reading: Reading,
    /// The persona's words.
    pub text: String,
    /// Their body language.
    pub cue: Option<String>,
    pub step: Step,
    pub light: Light,
    /// The hidden objection this reply is about, if any.
    pub objection: Option<String>,
    /// A stake landed this turn: their face lit up.
    pub lit_up: bool,
    /// Why the persona reacted so, in a trainer's words (for `/why`).
    pub why: Vec<String>,
    pub end: Option<End>,
    /// The reaction that answered, e.g. `ask:hesitates`, `stake:0:story` (for the scorer).
    pub rule: String,
    /// The light of each of the six steps after this turn, in order.
    pub lights: [Light; 6],
}

/// A conversation in progress.
pub struct Conversation<'c> {
    cast: Cast<'c>,
    seed: u64,
    state: State,
    turn: u32,
}

/// What a rule decided: the reply to give and the facts around it.
struct Beat<'c> {
    says: &'c Variants,
    cue: Option<&'c Variants>,
    echo: &'c [Echo],
    rule: String,
    objection: Option<usize>,
    lit_up: bool,
    why: String,
}

impl<'c> Beat<'c> {
    fn new(reply: &'c Reply, rule: impl Into<String>, why: impl Into<String>) -> Beat<'c> {
        Beat {
            says: &reply.says,
            cue: reply.cue.as_ref(),
            echo: &reply.echo,
            rule: rule.into(),
            objection: None,
            lit_up: false,
            why: why.into(),
        }
    }
}

impl<'c> Conversation<'c> {
    pub fn new(cast: Cast<'c>, seed: u64) -> Conversation<'c> {
        let persona = cast.persona;
        let start = persona.start;
        let mut state = State {
            trust: start.trust.get(),
            openness: start.openness.get(),
            patience: start.patience.get(),
            step: cast.scenario.start_step(),
            framed: false,
            stakes: vec![Depth::Untouched; persona.stakes.get_ref().len()],
            focus: None,
            lit_up: false,
            agitation: 0,
            target_named: false,
            objections: vec![
                ObjectionState {
                    status: ObjectionStatus::Hidden,
                    ignored: false,
                    buried: false,
                    surfaced_at: None,
                };
                persona.objections.len()
            ],
            pending: Pending::Nothing,
            answer: None,
            asks: 0,
            pressured: false,
            scheduled: false,
            silences: 0,
            statements: 0,
            uses: Default::default(),
            last_words: String::new(),
            end: None,
        };
        drill_setup(&cast, &mut state);
        Conversation {
            cast,
            seed,
            state,
            turn: 0,
        }
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    pub fn turns_taken(&self) -> u32 {
        self.turn
    }

    pub fn is_over(&self) -> bool {
        self.state.end.is_some()
    }

    /// The trainee ends the conversation.
    pub fn finish(&mut self) {
        if self.state.end.is_none() {
            self.state.end = Some(End::Trainee);
        }
    }

    /// The light of `step` as things stand, by the model's green-light signals.
    pub fn light(&self, step: Step) -> Light {
        let s = &self.state;
        let needs = self.cast.persona.needs;
        let green = match step {
            Step::Introduction => s.framed && s.trust >= TRUST_FOR_ANYTHING,
            Step::Stake => self.stake_found(),
            Step::Agitation => s.target_named,
            Step::Vision => {
                s.openness >= needs.openness.get() && !s.objections.iter().any(ObjectionState::open)
            }
            Step::Ask => s.answer == Some(Answer::Yes),
            Step::NextSteps => s.scheduled,
        };
        if green { Light::Green } else { Light::Yellow }
    }

    fn stake_found(&self) -> bool {
        let need = self.cast.persona.needs.stake;
        self.state.stakes.iter().any(|d| d.reaches(need))
    }

    /// The persona reacts to one line of the organizer's.
    pub fn respond(&mut self, reading: Reading) -> Turn {
        self.turn += 1;
        let primary = reading.primary;
        let mut why = Vec::new();
        self.notice(&reading, &mut why);
        let mut step = self.step_of(primary);
        let mut beat = self.react(&reading, step);
        // Talking through a worry happens where it came out, whatever the move.
        if let Some(at) = beat
            .objection
            .and_then(|i| self.state.objections[i].surfaced_at)
        {
            step = at;
        }
        self.state.step = step;
        if primary != Move::Silence {
            self.state.silences = 0;
        }
        if !matches!(primary, Move::Silence) {
            self.state.pending = match primary {
                _ if matches!(self.state.pending, Pending::Hesitation(_)) => self.state.pending,
                Move::Explore | Move::Agitate | Move::Consequence | Move::Gauge
                    if reading.question =>
                {
                    Pending::DeepQuestion
                }
                _ => Pending::Nothing,
            };
        }
        // Patience runs out last, over whatever else was going to be said.
        let defaults = &DEFAULTS;
        let persona = self.cast.persona;
        if self.state.patience <= 0 && self.state.end.is_none() {
            self.state.end = Some(End::WalkedAway);
            beat = Beat::new(
                persona
                    .patience
                    .leaves
                    .as_ref()
                    .unwrap_or(&defaults.patience.leaves),
                "patience:leaves",
                "their patience ran out: too much talking at them, pushing or drifting",
            );
        } else if self.state.patience == 1 && beat.objection.is_none() && !beat.lit_up {
            beat = Beat::new(
                persona
                    .patience
                    .wearing_thin
                    .as_ref()
                    .unwrap_or(&defaults.patience.wearing_thin),
                "patience:wearing_thin",
                "their patience is nearly gone: ask about them, and listen",
            );
        }
        if self.state.end.is_none() && self.turn >= self.cast.scenario.turn_limit() {
            self.state.end = Some(End::TurnLimit);
        }
        why.push(beat.why.clone());
        // The organizer's own words, answered where the persona has a line for them; a
        // silence leaves the words before it hanging (the ask they are answering).
        if reading.primary != Move::Silence {
            self.state.last_words.clone_from(&reading.text);
        }
        let heard = &self.state.last_words;
        let (says, cue, wording) = match beat
            .echo
            .iter()
            .enumerate()
            .find(|(_, echo)| touches(echo.when.all(), heard))
        {
            Some((i, echo)) => (
                &echo.says,
                echo.cue.as_ref().or(beat.cue),
                format!("{}:echo:{i}", beat.rule),
            ),
            None => (beat.says, beat.cue, beat.rule.clone()),
        };
        let text = pick::choose(says, self.seed, &wording, &mut self.state.uses).to_owned();
        let cue = cue.map(|cue| {
            pick::choose(
                cue,
                self.seed,
                &format!("{wording}:cue"),
                &mut self.state.uses,
            )
            .to_owned()
        });
        Turn {
            turn: self.turn,
            text,
            cue,
            step,
            light: self.light(step),
            rule: beat.rule.clone(),
            lights: Step::ALL.map(|s| self.light(s)),
            objection: beat
                .objection
                .map(|i| persona.objections[i].id.get_ref().to_string()),
            lit_up: beat.lit_up,
            why,
            end: self.state.end,
            reading,
        }
    }

    /// The persona notices the moves it does not answer.
    fn notice(&mut self, reading: &Reading, why: &mut Vec<String>) {
        let s = &mut self.state;
        for m in &reading.moves {
            // The move the persona answers is not also noticed: its effect comes once.
            if *m == reading.primary {
                continue;
            }
            match m {
                Move::Frame if !s.framed => {
                    s.framed = true;
                    s.trust += TRUST_FRAME;
                    why.push("you said who you are and why you came: they relaxed".into());
                }
                Move::Reflect => {
                    s.trust += TRUST_NOTICED_REFLECT;
                    why.push("you reflected what they said first: they felt heard".into());
                }
                Move::Pressure => {
                    s.trust += TRUST_PRESSURE;
                    s.pressured = true;
                    why.push("they felt pushed".into());
                }
                Move::OwnStake => s.openness += OPENNESS_SHARED_STAKE,
                _ => {}
            }
        }
    }

    /// The step a move puts the conversation at: the current one if the move belongs
    /// there, else the nearest step ahead that it belongs to, else the nearest behind
    /// (a loop back). Moves that belong to no step leave it where it is.
    fn step_of(&self, m: Move) -> Step {
        let current = self.state.step;
        let steps: Vec<Step> = self
            .cast
            .model
            .steps
            .get_ref()
            .iter()
            .filter(|s| s.moves.get_ref().contains(&m))
            .map(|s| *s.id.get_ref())
            .collect();
        if steps.contains(&current) {
            return current;
        }
        steps
            .iter()
            .copied()
            .find(|s| *s > current)
            .or_else(|| steps.iter().copied().rev().find(|s| *s < current))
            .unwrap_or(current)
    }

    /// The persona's first own reaction to `m` in `step`, with its index (its identity
    /// for choosing variants).
    fn reaction(&self, m: Move, step: Step) -> Option<(usize, &'c Reaction)> {
        self.cast
            .persona
            .reactions
            .iter()
            .enumerate()
            .find(|(_, r)| r.to == m && r.step.is_none_or(|s| s == step))
    }

    /// A reaction of the persona's own: its changes to the state, and its words.
    fn apply_reaction(&mut self, (index, r): (usize, &'c Reaction), why: &str) -> Beat<'c> {
        let s = &mut self.state;
        s.trust += r.trust.map_or(0, |d| d.get());
        s.openness += r.openness.map_or(0, |d| d.get());
        s.patience += r.patience.map_or(0, |d| d.get());
        Beat {
            says: &r.says,
            cue: r.cue.as_ref(),
            echo: &r.echo,
            rule: format!("reaction:{index}"),
            objection: None,
            lit_up: false,
            why: why.to_owned(),
        }
    }

    /// A persona's own reaction to `m` if it has one, else the default line.
    fn move_reply(&mut self, m: Move, step: Step, fallback: &'c Reply, why: &str) -> Beat<'c> {
        match self.reaction(m, step) {
            Some(found) => self.apply_reaction(found, why),
            None => Beat::new(fallback, format!("default:{m}"), why),
        }
    }

    fn react(&mut self, reading: &Reading, step: Step) -> Beat<'c> {
        let persona = self.cast.persona;
        let d = &DEFAULTS;
        let primary = reading.primary;

        if let Some(beat) = self.objection_beat(reading, step) {
            return beat;
        }
        match primary {
            Move::Frame => {
                if self.state.framed && self.turn > 1 {
                    return self.move_reply(
                        primary,
                        step,
                        &d.moves.frame,
                        "you had already introduced yourself",
                    );
                }
                self.state.framed = true;
                self.state.trust += TRUST_FRAME;
                Beat::new(
                    persona
                        .introduction
                        .opens_up
                        .as_ref()
                        .unwrap_or(&d.introduction.opens_up),
                    "introduction:opens_up",
                    "you framed the conversation: who you are, why you're here, why them",
                )
            }
            Move::SmallTalk => {
                if !self.state.framed {
                    return Beat::new(
                        persona
                            .introduction
                            .guarded
                            .as_ref()
                            .unwrap_or(&d.introduction.guarded),
                        "introduction:guarded",
                        "they still don't know who you are or why you're at their door",
                    );
                }
                self.state.patience -= 1;
                self.move_reply(
                    primary,
                    step,
                    &d.moves.small_talk,
                    "small talk: pleasant, but it doesn't move anything",
                )
            }
            Move::Explore | Move::Reflect => {
                if !self.state.framed && self.state.step == Step::Introduction {
                    self.state.trust += TRUST_UNFRAMED;
                    return Beat::new(
                        persona
                            .introduction
                            .guarded
                            .as_ref()
                            .unwrap_or(&d.introduction.guarded),
                        "introduction:guarded",
                        "a personal question from someone who hasn't said who they are or why they came",
                    );
                }
                if primary == Move::Reflect {
                    self.state.trust += TRUST_REFLECT;
                } else {
                    self.state.trust += TRUST_EXPLORE;
                }
                let index = self.stake_for(&reading.text);
                self.deepen(index, primary == Move::Reflect)
            }
            Move::Silence => self.silence(step),
            Move::Agitate => self.agitate(false),
            Move::OwnStake | Move::Educate | Move::Vision | Move::Plan => {
                self.statement(reading, step)
            }
            Move::Gauge => self.gauge(step),
            Move::Ask => self.ask(),
            Move::Consequence => {
                self.state.openness += OPENNESS_CONSEQUENCE;
                if let Some(i) = self.buried_objection() {
                    return self.surface(
                        i,
                        step,
                        "asking what would happen gave their worry room to come out",
                    );
                }
                self.move_reply(
                    primary,
                    step,
                    &d.moves.consequence,
                    "you asked them to weigh acting against not acting",
                )
            }
            Move::Schedule => {
                if matches!(self.state.answer, Some(Answer::Yes | Answer::PressuredYes)) {
                    self.state.scheduled = true;
                    return Beat::new(
                        persona
                            .next_steps
                            .schedule
                            .as_ref()
                            .unwrap_or(&d.next_steps.schedule),
                        "next_steps:schedule",
                        "they said yes, and you pinned down when and how to follow up",
                    );
                }
                Beat::new(
                    &d.next_steps.not_yet,
                    "next_steps:not_yet",
                    "you moved to logistics before they had said yes",
                )
            }
            Move::Recap => {
                if matches!(self.state.answer, Some(Answer::Yes | Answer::PressuredYes)) {
                    self.state.end = Some(End::Agreed);
                    return Beat::new(
                        persona
                            .next_steps
                            .recap
                            .as_ref()
                            .unwrap_or(&d.next_steps.recap),
                        "next_steps:recap",
                        "you summed up what they agreed to, by when, and how you'll follow up",
                    );
                }
                self.state.trust += TRUST_NOTICED_REFLECT;
                let index = self.stake_for(&reading.text);
                self.deepen(index, true)
            }
            Move::Pressure => self.pressure(step),
            Move::Rescue => {
                let why = match self.state.pending {
                    Pending::DeepQuestion => {
                        "you let them off the hook just as something was about to come out"
                    }
                    _ => "you backed off",
                };
                self.move_reply(primary, step, &d.moves.rescue, why)
            }
            Move::ClosedQuestion => self.move_reply(
                primary,
                step,
                &d.moves.closed_question,
                "a yes-or-no question gets a yes or a no; an open question gets a story",
            ),
            Move::Unclear => {
                self.state.patience -= 1;
                self.move_reply(
                    primary,
                    step,
                    &d.moves.unclear,
                    "they couldn't tell what you meant",
                )
            }
        }
    }

    /// Hidden objections come first: one on the tip of their tongue, or one out in the
    /// open that the organizer is exploring, meeting or pushing past.
    fn objection_beat(&mut self, reading: &Reading, step: Step) -> Option<Beat<'c>> {
        let primary = reading.primary;
        if let Pending::Hesitation(i) = self.state.pending {
            self.state.pending = Pending::Nothing;
            match primary {
                Move::Silence | Move::Explore | Move::Reflect => {
                    return Some(self.surface(
                        i,
                        Step::Ask,
                        "you held the silence after the ask, and the real worry came out",
                    ));
                }
                _ => {
                    self.state.objections[i].buried = true;
                    if primary == Move::Rescue {
                        return Some(self.move_reply(
                            primary,
                            step,
                            &DEFAULTS.moves.rescue,
                            "you let them off the hook before they could say what was holding them back",
                        ));
                    }
                }
            }
        }
        let open = self
            .state
            .objections
            .iter()
            .position(ObjectionState::open)?;
        let objection = &self.cast.persona.objections[open];
        let touched = touches(&objection.touches, &reading.text);
        let status = self.state.objections[open].status;
        let explores =
            objection.explored_by.contains(&primary) || (touched && primary != Move::Pressure);
        let meets = objection.resolved_by.contains(&primary) || touched;
        let pushes = matches!(
            primary,
            Move::Ask
                | Move::Pressure
                | Move::Plan
                | Move::Vision
                | Move::Educate
                | Move::Schedule
                | Move::OwnStake
        );
        let mut beat = if status == ObjectionStatus::Surfaced && explores {
            self.state.objections[open].status = ObjectionStatus::Explored;
            self.state.trust += TRUST_OBJECTION_HEARD;
            Beat::new(
                &objection.explored,
                format!("objection:{open}:explored"),
                "you explored their worry instead of arguing with it",
            )
        } else if status == ObjectionStatus::Explored && meets && primary != Move::Pressure {
            self.state.objections[open].status = ObjectionStatus::Resolved;
            self.state.openness += OPENNESS_OBJECTION_MET;
            self.state.trust += TRUST_OBJECTION_HEARD;
            Beat::new(
                &objection.resolved,
                format!("objection:{open}:resolved"),
                "you met their worry with something real, once you understood it",
            )
        } else if pushes && primary != Move::Ask && primary != Move::Pressure {
            self.state.objections[open].ignored = true;
            self.state.trust += TRUST_IGNORED_OBJECTION;
            Beat::new(
                objection
                    .ignored
                    .as_ref()
                    .unwrap_or(&DEFAULTS.objection.ignored),
                format!("objection:{open}:ignored"),
                if status == ObjectionStatus::Surfaced {
                    "you pushed on past their worry without asking about it"
                } else {
                    "you answered before you understood; their worry is still there"
                },
            )
        } else {
            if pushes && status == ObjectionStatus::Surfaced {
                self.state.objections[open].ignored = true;
            }
            return None;
        };
        beat.objection = Some(open);
        Some(beat)
    }

    fn surface(&mut self, i: usize, step: Step, why: &str) -> Beat<'c> {
        let o = &mut self.state.objections[i];
        o.status = ObjectionStatus::Surfaced;
        o.buried = false;
        o.surfaced_at = Some(step);
        let mut beat = Beat::new(
            &self.cast.persona.objections[i].surfaces,
            format!("objection:{i}:surfaces"),
            why,
        );
        beat.objection = Some(i);
        beat
    }

    /// A hidden objection that may come out at `step`.
    fn hidden_objection(&self, step: Step) -> Option<usize> {
        self.cast
            .persona
            .objections
            .iter()
            .enumerate()
            .position(|(i, o)| {
                self.state.objections[i].status == ObjectionStatus::Hidden
                    && !self.state.objections[i].buried
                    && o.surfaces_at.get_ref().contains(&step)
            })
    }

    fn buried_objection(&self) -> Option<usize> {
        self.state
            .objections
            .iter()
            .position(|o| o.buried && o.status == ObjectionStatus::Hidden)
    }

    /// The stake a line is about: one its words touch, else the one in focus, else the
    /// next not yet uncovered.
    fn stake_for(&self, text: &str) -> usize {
        let stakes = self.cast.persona.stakes.get_ref();
        let open = |i: &usize| self.state.stakes[*i] < Depth::Deep;
        let touched: Vec<usize> = (0..stakes.len())
            .filter(|i| touches(&stakes[*i].touches, text))
            .collect();
        touched
            .iter()
            .copied()
            .find(open)
            .or(touched.first().copied())
            .or(self.state.focus.filter(open))
            .or((0..stakes.len()).find(open))
            .or(self.state.focus)
            .unwrap_or(0)
    }

    /// Goes one level deeper into stake `i`, as far as trust allows.
    fn deepen(&mut self, i: usize, heard: bool) -> Beat<'c> {
        let stake: &'c Stake = &self.cast.persona.stakes.get_ref()[i];
        let was = self.state.stakes[i];
        let wanted = was.next();
        let allowed = match wanted {
            Depth::Story => self.state.trust >= TRUST_FOR_STORY,
            Depth::Deep => self.state.trust >= TRUST_FOR_DEEP,
            _ => true,
        };
        let now = if allowed {
            wanted
        } else {
            was.max(Depth::Surface)
        };
        self.state.stakes[i] = now;
        self.state.focus = Some(i);
        let lands = now > was && now == Depth::from(stake.lights_up_at);
        if lands {
            self.state.lit_up = true;
        }
        let (reply, level) = match now {
            Depth::Untouched | Depth::Surface => (&stake.surface, "surface"),
            Depth::Story => (&stake.story, "story"),
            Depth::Deep => (&stake.deep, "deep"),
        };
        let why = if !allowed {
            "they don't trust you enough yet to go further: listen, reflect, show you heard"
        } else if now == was {
            "they have told you this much; ask about something else they care about, or move on"
        } else if lands {
            "you found what they care about: their face lit up"
        } else if heard {
            "they felt heard and went further"
        } else {
            "an open question about their life: they told you more"
        };
        let mut beat = Beat::new(reply, format!("stake:{i}:{level}"), why);
        beat.lit_up = lands;
        beat
    }

    fn silence(&mut self, step: Step) -> Beat<'c> {
        let persona = self.cast.persona;
        let d = &DEFAULTS;
        self.state.silences += 1;
        if self.state.silences >= 2 {
            self.state.patience -= 1;
            return Beat::new(
                persona
                    .silence
                    .repeated
                    .as_ref()
                    .unwrap_or(&d.silence.repeated),
                "silence:repeated",
                "silence after silence: they don't know what you want",
            );
        }
        if self.state.pending == Pending::DeepQuestion {
            self.state.trust += TRUST_HELD_SILENCE;
            self.state.pending = Pending::Nothing;
            if self.state.step == Step::Agitation {
                return self.agitate(true);
            }
            if let Some(i) = self.state.focus
                && self.state.stakes[i] < Depth::Deep
            {
                let mut beat = self.deepen(i, true);
                if !beat.lit_up {
                    beat.why =
                        "you held the silence after a deep question, and more came out".into();
                }
                return beat;
            }
            return Beat::new(
                persona
                    .silence
                    .after_deep_question
                    .as_ref()
                    .unwrap_or(&d.silence.after_deep_question),
                "silence:after_deep_question",
                "you held the silence after a deep question, and more came out",
            );
        }
        if !self.state.framed && step == Step::Introduction {
            self.state.trust += TRUST_UNFRAMED;
            return Beat::new(
                persona.silence.early.as_ref().unwrap_or(&d.silence.early),
                "silence:early",
                "silence before you've said who you are is just awkward",
            );
        }
        Beat::new(
            persona
                .silence
                .after_statement
                .as_ref()
                .unwrap_or(&d.silence.after_statement),
            "silence:after_statement",
            "silence works after a question; after a statement they wait for the point",
        )
    }

    fn agitate(&mut self, after_silence: bool) -> Beat<'c> {
        let persona = self.cast.persona;
        let d = &DEFAULTS;
        if !self.stake_found() {
            return Beat::new(
                persona
                    .agitation
                    .not_yet
                    .as_ref()
                    .unwrap_or(&d.agitation.not_yet),
                "agitation:not_yet",
                "asking who is responsible before you know what they care about: they shrug it off",
            );
        }
        self.state.agitation += 1;
        if self.state.target_named || self.state.agitation >= persona.needs.agitation.get() {
            if !self.state.target_named {
                self.state.target_named = true;
                self.state.openness += OPENNESS_TARGET_NAMED;
            }
            return Beat::new(
                persona
                    .agitation
                    .names_target
                    .as_ref()
                    .unwrap_or(&d.agitation.names_target),
                "agitation:names_target",
                if after_silence {
                    "you let the question sit, and they named who is responsible"
                } else {
                    "they named who is responsible and said it should change"
                },
            );
        }
        Beat::new(
            persona
                .agitation
                .not_yet
                .as_ref()
                .unwrap_or(&d.agitation.not_yet),
            "agitation:not_yet",
            "they're not ready to blame anyone with power yet: keep asking why",
        )
    }

    /// Own stake, education, vision and plan: telling, not asking.
    fn statement(&mut self, reading: &Reading, step: Step) -> Beat<'c> {
        let persona = self.cast.persona;
        let d = &DEFAULTS;
        let m = reading.primary;
        self.state.statements = if reading.question {
            0
        } else {
            self.state.statements + 1
        };
        if self.state.statements > LECTURE_AFTER {
            self.state.patience -= 1;
        }
        if !self.stake_found() {
            self.state.patience -= 1;
            let why = "you told them about the campaign before finding out what they care about";
            // Told too early, the statement lands where the conversation still is, then
            // at the step it belongs to.
            let own = self
                .reaction(m, self.state.step)
                .or_else(|| self.reaction(m, step));
            if let Some(found) = own {
                return self.apply_reaction(found, why);
            }
            return Beat::new(
                persona
                    .vision
                    .skeptical
                    .as_ref()
                    .unwrap_or(&d.vision.skeptical),
                "vision:skeptical",
                "you told them about the campaign before finding out what they care about",
            );
        }
        let gain = match m {
            Move::OwnStake => 10,
            Move::Educate => 8,
            Move::Vision => 10,
            _ => 12,
        };
        self.state.openness += if self.state.target_named {
            gain
        } else {
            gain / 2
        };
        if m == Move::Plan
            && let Some(i) = self.hidden_objection(Step::Vision)
        {
            return self.surface(i, step, "hearing the plan brought out what worries them");
        }
        self.vision_reply("you shared the bigger picture after finding their stake")
    }

    fn vision_reply(&self, why: &str) -> Beat<'c> {
        let persona = self.cast.persona;
        let d = &DEFAULTS;
        if self.state.openness >= persona.needs.openness.get() {
            Beat::new(
                persona.vision.open.as_ref().unwrap_or(&d.vision.open),
                "vision:open",
                why,
            )
        } else {
            Beat::new(
                persona
                    .vision
                    .skeptical
                    .as_ref()
                    .unwrap_or(&d.vision.skeptical),
                "vision:skeptical",
                "they're not convinced yet: find out what's in the way",
            )
        }
    }

    fn gauge(&mut self, step: Step) -> Beat<'c> {
        self.state.statements = 0;
        if !self.stake_found() {
            return self.move_reply(
                Move::Gauge,
                step,
                &DEFAULTS.moves.gauge,
                "you asked what they think before you knew what they care about",
            );
        }
        if let Some(i) = self.hidden_objection(Step::Vision) {
            return self.surface(
                i,
                step,
                "you asked what they think, and their worry came out",
            );
        }
        self.vision_reply("you checked what they think of it")
    }

    fn ask(&mut self) -> Beat<'c> {
        let persona = self.cast.persona;
        let d = &DEFAULTS;
        self.state.asks += 1;
        self.state.statements = 0;
        if !self.stake_found() {
            self.state.trust += TRUST_PREMATURE_ASK;
            return Beat::new(
                persona.ask.too_soon.as_ref().unwrap_or(&d.ask.too_soon),
                "ask:too_soon",
                "you asked before finding out what they care about, so the ask has nothing to stand on",
            );
        }
        let hidden = self
            .hidden_objection(Step::Ask)
            .or_else(|| self.hidden_objection(Step::Vision));
        if let Some(i) = hidden {
            self.state.pending = Pending::Hesitation(i);
            let mut beat = Beat::new(
                persona.ask.hesitates.as_ref().unwrap_or(&d.ask.hesitates),
                "ask:hesitates",
                "something is holding them back: say nothing, and let it come out",
            );
            beat.objection = Some(i);
            return beat;
        }
        let unresolved =
            self.state.objections.iter().any(|o| {
                o.open() || o.buried || o.ignored && o.status != ObjectionStatus::Resolved
            });
        let answer = if self.state.trust < TRUST_FOR_ANYTHING {
            Answer::No
        } else if !unresolved
            && self.state.trust >= persona.needs.trust.get()
            && self.state.openness >= persona.needs.openness.get()
        {
            Answer::Yes
        } else {
            Answer::Maybe
        };
        if answer == Answer::No && self.state.answer == Some(Answer::No) {
            self.state.end = Some(End::Declined);
        }
        if self.state.answer != Some(Answer::PressuredYes) || answer == Answer::Yes {
            self.state.answer = Some(answer);
        }
        match answer {
            Answer::Yes => Beat::new(
                &persona.ask.yes,
                "ask:yes",
                "they were ready: their stake, a target, a plan they believe in, nothing left unsaid",
            ),
            Answer::No => Beat::new(
                &persona.ask.no,
                "ask:no",
                "they don't trust you enough to say yes to anything",
            ),
            _ => Beat::new(
                &persona.ask.maybe,
                "ask:maybe",
                if unresolved {
                    "a worry of theirs is still unresolved: go back and explore it"
                } else {
                    "they're not sure yet: ask what would happen if they did, or didn't, or go back to their stake"
                },
            ),
        }
    }

    fn pressure(&mut self, step: Step) -> Beat<'c> {
        let persona = self.cast.persona;
        let d = &DEFAULTS;
        self.state.trust += TRUST_PRESSURE;
        self.state.pressured = true;
        self.state.patience -= 1;
        let asked = self.state.asks > 0 && self.state.answer != Some(Answer::Yes);
        let close_enough = self.state.trust >= TRUST_FOR_ANYTHING
            && self.state.trust >= persona.needs.trust.get() - PRESSURE_YES_MARGIN;
        if asked && !close_enough {
            self.state.answer = Some(Answer::No);
            return Beat::new(
                &persona.ask.no,
                "ask:no",
                "pushed that hard, they closed up and said no",
            );
        }
        if asked {
            self.state.answer = Some(Answer::PressuredYes);
            return Beat::new(
                persona
                    .ask
                    .pressured_yes
                    .as_ref()
                    .unwrap_or(&d.ask.pressured_yes),
                "ask:pressured_yes",
                "they said yes to make the pressure stop; a yes like that rarely shows up",
            );
        }
        self.move_reply(
            Move::Pressure,
            step,
            &d.moves.pressure,
            "pressure costs trust",
        )
    }
}

/// Whether any of `words` appears in `text` as whole words, ignoring case; punctuation on
/// either side reads as a space ("sign-up" matches "sign up").
fn touches(words: &[String], text: &str) -> bool {
    if words.is_empty() {
        return false;
    }
    let padded = format!(" {} ", word_form(text));
    words.iter().any(|w| {
        let w = word_form(w);
        !w.is_empty() && padded.contains(&format!(" {w} "))
    })
}

/// Lower case, words separated by single spaces, punctuation other than apostrophes gone.
fn word_form(text: &str) -> String {
    let spaced: String = text
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '\'' {
                c
            } else if c == '\u{2019}' || c == '\u{2018}' {
                // Phones and word processors type "don’t"; listeners write "don't".
                '\''
            } else {
                ' '
            }
        })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A step drill opens with the earlier steps already done.
fn drill_setup(cast: &Cast, state: &mut State) {
    let start = cast.scenario.start_step();
    if start == Step::Introduction {
        return;
    }
    let persona = cast.persona;
    state.framed = true;
    state.trust = state.trust.max(TRUST_FOR_DEEP);
    if let Some(drill) = &cast.scenario.drill {
        for id in &drill.uncovered {
            if let Some(i) = persona
                .stakes
                .get_ref()
                .iter()
                .position(|s| s.id.get_ref() == id.get_ref())
            {
                state.stakes[i] = Depth::from(persona.needs.stake);
                state.focus = Some(i);
                state.lit_up = true;
            }
        }
        for id in &drill.surfaced {
            if let Some(i) = persona
                .objections
                .iter()
                .position(|o| o.id.get_ref() == id.get_ref())
            {
                state.objections[i].status = ObjectionStatus::Surfaced;
                state.objections[i].surfaced_at = Some(start);
            }
        }
    }
    if start > Step::Agitation {
        state.target_named = true;
        state.agitation = persona.needs.agitation.get();
    }
    if start > Step::Vision {
        state.openness = state.openness.max(persona.needs.openness.get());
    }
    if start == Step::NextSteps {
        state.answer = Some(Answer::Yes);
    }
}

#[cfg(test)]
mod tests {
    use super::touches;

    #[test]
    fn touches_matches_whole_words_and_phrases() {
        let words = vec!["heat".to_owned(), "boiler room".to_owned()];
        assert!(touches(&words, "How's the HEAT been?"));
        assert!(touches(&words, "down in the boiler  room, right"));
        assert!(!touches(&words, "the heater works"));
        assert!(!touches(&[], "heat"));
        assert!(touches(&["sign-up".to_owned()], "the sign up sheet"));
        assert!(touches(&["sign up".to_owned()], "the sign-up sheet"));
        assert!(touches(
            &["you don't".to_owned()],
            "And if you don\u{2019}t go?"
        ));
        assert!(touches(
            &["you don\u{2019}t".to_owned()],
            "and if you don't go"
        ));
    }
}
