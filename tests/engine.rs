//! The persona's behaviour, in the persona's own terms: what a trainee doing this would see.

use greenlight::classify::{Classifier, Reading};
use greenlight::content::step::Step;
use greenlight::content::{self, ContentPaths, Library};
use greenlight::engine::{
    Answer, Cast, Conversation, Depth, End, Light, ObjectionStatus, Outcome, Turn,
};
use greenlight::moves::Move;
use std::sync::LazyLock;

static LIBRARY: LazyLock<Library> = LazyLock::new(|| {
    let loaded = content::load(&ContentPaths::default());
    assert!(loaded.is_clean(), "{:?}", loaded.diagnostics);
    loaded.library
});

fn talk(scenario: &str, seed: u64) -> Conversation<'static> {
    Conversation::new(
        Cast::from_library(&LIBRARY, scenario).expect("a bundled scenario"),
        seed,
    )
}

/// A line whose moves are given, so a test is about the persona, not the classifier.
fn act(c: &mut Conversation, text: &str, moves: &[Move]) -> Turn {
    c.respond(Reading::of(text, moves))
}

/// A line read by the real classifier, as in practice.
fn say(c: &mut Conversation, text: &str) -> Turn {
    c.respond(Classifier::bundled().classify(text))
}

fn frame(c: &mut Conversation) -> Turn {
    act(
        c,
        "Hi, I'm Sam from 2B, with the East Side Tenants Union. We're talking to everyone on this floor about the heat.",
        &[Move::Frame],
    )
}

/// Frame, explore, hold silence: the story of the first stake.
fn to_the_story(c: &mut Conversation) -> Turn {
    frame(c);
    act(
        c,
        "What has this winter been like for you and the kids?",
        &[Move::Explore],
    );
    act(c, "", &[Move::Silence])
}

#[test]
fn silence_after_a_deep_question_brings_the_next_level_of_the_stake() {
    let mut c = talk("boiler-4c", 1);
    frame(&mut c);
    let surface = act(
        &mut c,
        "What has this winter been like for you and the kids?",
        &[Move::Explore],
    );
    assert_eq!(c.state().stakes[0], Depth::Surface, "{}", surface.text);
    assert_eq!(surface.light, Light::Yellow);
    let story = act(&mut c, "", &[Move::Silence]);
    assert_eq!(c.state().stakes[0], Depth::Story);
    assert!(
        story.lit_up,
        "her face should light up at the story: {story:?}"
    );
    assert_eq!((story.step, story.light), (Step::Stake, Light::Green));
    let persona = &LIBRARY
        .personas
        .values()
        .find(|p| p.item.id().as_str() == "marisol-reyes")
        .expect("marisol")
        .item;
    assert!(
        persona.stakes.get_ref()[0]
            .story
            .says
            .all()
            .contains(&story.text),
        "{}",
        story.text
    );
}

#[test]
fn rescuing_the_silence_cuts_off_what_was_coming() {
    let mut c = talk("boiler-4c", 1);
    frame(&mut c);
    act(
        &mut c,
        "What has this winter been like for you and the kids?",
        &[Move::Explore],
    );
    let rescued = act(&mut c, "Never mind, that's personal.", &[Move::Rescue]);
    assert_eq!(
        c.state().stakes[0],
        Depth::Surface,
        "nothing more came out: {}",
        rescued.text
    );
    assert!(
        rescued.why.iter().any(|w| w.contains("off the hook")),
        "{:?}",
        rescued.why
    );
}

#[test]
fn asking_before_the_stake_gets_a_polite_deflection_not_a_yes() {
    let mut c = talk("boiler-4c", 2);
    frame(&mut c);
    let trust_before = c.state().trust;
    let turn = act(
        &mut c,
        "Can I count on you to come Thursday at 7?",
        &[Move::Ask],
    );
    assert_eq!((turn.step, turn.light), (Step::Ask, Light::Yellow));
    assert_eq!(c.state().answer, None);
    assert!(c.state().trust < trust_before);
    assert!(
        turn.why
            .iter()
            .any(|w| w.contains("before finding out what they care about")),
        "{:?}",
        turn.why
    );
}

/// The path the model describes, up to the point of the ask.
fn to_the_ask(c: &mut Conversation) {
    to_the_story(c);
    act(
        c,
        "Why do you think the boiler keeps breaking?",
        &[Move::Agitate],
    );
    assert!(c.state().target_named);
    act(
        c,
        "I'm in this because my apartment hit 56 degrees last January.",
        &[Move::OwnStake],
    );
    act(
        c,
        "We're forming a tenants association so Halvorsen has to deal with all of us at once.",
        &[Move::Vision],
    );
}

#[test]
fn an_unexplored_objection_blocks_a_clear_yes_and_an_explored_one_clears_it() {
    // Pushing past the objection.
    let mut c = talk("boiler-4c", 3);
    to_the_ask(&mut c);
    let surfaced = act(
        &mut c,
        "Here's the plan: 25 apartments at the meeting Thursday, then the letter on the 17th.",
        &[Move::Plan],
    );
    assert_eq!(
        surfaced.objection.as_deref(),
        Some("cousins-lease"),
        "{surfaced:?}"
    );
    assert_eq!(surfaced.light, Light::Yellow);
    act(&mut c, "Can I count on you to come Thursday?", &[Move::Ask]);
    act(&mut c, "", &[Move::Silence]);
    let answer = act(&mut c, "Can I count on you to come Thursday?", &[Move::Ask]);
    assert_ne!(c.state().answer, Some(Answer::Yes), "{answer:?}");

    // Exploring it, then meeting it.
    let mut c = talk("boiler-4c", 3);
    to_the_ask(&mut c);
    act(
        &mut c,
        "Here's the plan: 25 apartments at the meeting Thursday, then the letter on the 17th.",
        &[Move::Plan],
    );
    let explored = act(&mut c, "What worries you about it?", &[Move::Explore]);
    assert_eq!(explored.objection.as_deref(), Some("cousins-lease"));
    assert_eq!(c.state().objections[0].status, ObjectionStatus::Explored);
    act(
        &mut c,
        "At the Birchwood 29 households signed together and nobody was pushed out; the union lawyer answers the same day.",
        &[Move::Plan],
    );
    assert_eq!(c.state().objections[0].status, ObjectionStatus::Resolved);
    let hesitation = act(
        &mut c,
        "Can I count on you to come Thursday at 7?",
        &[Move::Ask],
    );
    assert_eq!(
        hesitation.objection.as_deref(),
        Some("no-time"),
        "the second worry waits for the ask: {hesitation:?}"
    );
    let out = act(&mut c, "", &[Move::Silence]);
    assert_eq!(
        out.objection.as_deref(),
        Some("no-time"),
        "silence lets it out: {out:?}"
    );
    act(
        &mut c,
        "So you're already carrying everyone. What would make an hour possible?",
        &[Move::Reflect],
    );
    act(
        &mut c,
        "It's one hour, kids welcome, and I'll walk down with you.",
        &[Move::Plan],
    );
    let yes = act(
        &mut c,
        "Can I count on you to come Thursday at 7?",
        &[Move::Ask],
    );
    assert_eq!(c.state().answer, Some(Answer::Yes), "{yes:?}");
    assert_eq!((yes.step, yes.light), (Step::Ask, Light::Green));
    act(
        &mut c,
        "What's the best way to reach you to remind you?",
        &[Move::Schedule],
    );
    let recap = act(
        &mut c,
        "So you'll come Thursday at 7, and I'll text you Wednesday night.",
        &[Move::Recap],
    );
    assert_eq!(recap.end, Some(End::Agreed));
    assert_eq!(c.state().outcome(), Outcome::Yes);
}

#[test]
fn filling_the_silence_after_the_ask_buries_the_objection_and_the_answer_is_maybe() {
    let mut c = talk("boiler-4c", 4);
    to_the_ask(&mut c);
    act(&mut c, "What do you think of all that?", &[Move::Gauge]);
    act(&mut c, "What worries you?", &[Move::Explore]);
    act(
        &mut c,
        "The union lawyer answers the same day.",
        &[Move::Plan],
    );
    act(
        &mut c,
        "Can I count on you to come Thursday at 7?",
        &[Move::Ask],
    );
    act(
        &mut c,
        "Don't worry about it, no pressure at all.",
        &[Move::Rescue],
    );
    act(
        &mut c,
        "Can I count on you to come Thursday at 7?",
        &[Move::Ask],
    );
    assert_eq!(c.state().answer, Some(Answer::Maybe));
}

#[test]
fn pressure_taints_a_yes() {
    let mut c = talk("boiler-4c", 5);
    to_the_ask(&mut c);
    act(
        &mut c,
        "Can I count on you to come Thursday at 7?",
        &[Move::Ask],
    );
    let yes = act(
        &mut c,
        "Everyone else on the floor already said yes. Don't be the one who lets them down.",
        &[Move::Pressure],
    );
    assert_eq!(c.state().answer, Some(Answer::PressuredYes), "{yes:?}");
    assert!(c.state().pressured);
    assert_eq!(
        yes.light,
        Light::Yellow,
        "a pressured yes is no green light"
    );
    assert!(
        yes.why.iter().any(|w| w.contains("pressure")),
        "{:?}",
        yes.why
    );
}

#[test]
fn lecturing_without_questions_ends_the_conversation() {
    let mut c = talk("five-west-stairwell", 6);
    act(
        &mut c,
        "Hey Curtis, I'm on the organizing committee, I wanted to catch you after shift.",
        &[Move::Frame],
    );
    let lecture = [
        (Move::Educate, "Meridian's CEO made $4.1 million last year."),
        (
            Move::Vision,
            "We're building a union so every shift is staffed safely.",
        ),
        (Move::Plan, "We're delivering the petition on January 28."),
        (
            Move::Educate,
            "Ratio laws cut patient deaths in other states.",
        ),
        (
            Move::Vision,
            "Imagine a floor where you can sit down with a patient.",
        ),
        (Move::Plan, "Button day is the 20th."),
        (Move::Educate, "The board meets in March."),
    ];
    let mut last = None;
    for (m, line) in lecture {
        let turn = act(&mut c, line, &[m]);
        if turn.end.is_some() {
            last = Some(turn);
            break;
        }
    }
    let last = last.expect("he should leave before the lecture is over");
    assert_eq!(last.end, Some(End::WalkedAway));
    assert_eq!(c.state().outcome(), Outcome::WalkedAway);
}

#[test]
fn the_same_seed_gives_the_same_conversation_and_other_seeds_other_words() {
    let lines = [
        "Hi, I'm Sam from 2B with the tenants union, we're talking to everyone about the heat.",
        "What has this winter been like for you?",
        "",
        "Why does that matter so much to you?",
        "Who do you think is responsible for the boiler?",
    ];
    let run = |seed| {
        let mut c = talk("boiler-4c", seed);
        lines
            .iter()
            .map(|l| {
                let t = say(&mut c, l);
                (t.text, t.cue)
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(run(41), run(41));
    let differing = (42..50).filter(|seed| run(*seed) != run(41)).count();
    assert!(
        differing >= 6,
        "only {differing} of 8 other seeds changed the wording"
    );
}

#[test]
fn keyword_stuffing_does_not_move_the_persona() {
    let mut c = talk("boiler-4c", 7);
    frame(&mut c);
    let before = c.state().clone();
    let turn = say(
        &mut c,
        "agitate who is responsible vision plan can I count on you",
    );
    assert_eq!(turn.reading.primary, Move::Unclear);
    let after = c.state();
    assert_eq!(after.stakes, before.stakes);
    assert!(!after.target_named);
    assert_eq!(after.answer, None);
    assert!(after.patience < before.patience, "nonsense costs patience");
}

#[test]
fn a_drill_opens_with_the_earlier_steps_done() {
    let drills: Vec<_> = LIBRARY
        .scenarios
        .values()
        .filter(|e| e.item.start_step() == Step::Ask)
        .collect();
    assert!(!drills.is_empty(), "a drill on the ask is bundled");
    for entry in drills {
        let id = entry.item.id().as_str();
        let mut c = talk(id, 1);
        assert_eq!(c.light(Step::Stake), Light::Green, "{id}");
        assert_eq!(c.light(Step::Agitation), Light::Green, "{id}");
        let turn = act(
            &mut c,
            "You want Teo warm this winter. Can I count on you to come Thursday at 7?",
            &[Move::Reflect, Move::Ask],
        );
        assert_eq!(
            turn.step,
            Step::Ask,
            "{id}: the first line is already the ask"
        );
        assert!(
            turn.objection.is_some() || c.state().answer.is_some(),
            "{id}: {turn:?}"
        );
    }
}

#[test]
fn facts_told_at_the_door_get_the_personas_own_reaction() {
    // Marisol's reaction to `educate` in the introduction, not a generic skeptical line.
    let mut c = talk("boiler-4c", 8);
    let persona = &LIBRARY
        .personas
        .values()
        .find(|p| p.item.id().as_str() == "marisol-reyes")
        .expect("marisol")
        .item;
    let own = persona
        .reactions
        .iter()
        .find(|r| r.to == Move::Educate && r.step == Some(Step::Introduction))
        .expect("marisol reacts to facts at the door");
    let turn = act(
        &mut c,
        "Greyline bought this building for 6.4 million dollars in 2022.",
        &[Move::Educate],
    );
    assert!(own.says.all().contains(&turn.text), "{}", turn.text);
}

#[test]
fn a_frame_answered_is_not_also_noticed() {
    let mut once = talk("boiler-4c", 9);
    act(
        &mut once,
        "Hi, I'm Sam from 2B with the tenants union.",
        &[Move::Frame],
    );
    let mut with_plan = talk("boiler-4c", 9);
    // The frame is the primary move, the date a plan noticed in passing.
    let mut reading = Reading::of(
        "Hi, I'm Sam from 2B with the tenants union, the meeting is Thursday.",
        &[Move::Frame, Move::Plan],
    );
    reading.primary = Move::Frame;
    with_plan.respond(reading);
    assert_eq!(
        once.state().trust,
        with_plan.state().trust,
        "the frame's trust counted once"
    );
}

#[test]
fn pressure_closes_up_a_hard_persona_far_from_a_yes() {
    // Ray needs trust 60 for a yes: pushed at trust 40, he says no instead of giving in.
    let mut c = talk("dorsey-street-porch", 10);
    act(
        &mut c,
        "Evening. I'm Sam from Hatch Street, with the neighbourhood air group. We're talking to everyone near the yard.",
        &[Move::Frame],
    );
    act(
        &mut c,
        "What's it been like living this close to the yard?",
        &[Move::Explore],
    );
    act(&mut c, "", &[Move::Silence]);
    act(
        &mut c,
        "Will you testify at the permit hearing on August 25?",
        &[Move::Ask],
    );
    let pushed = act(
        &mut c,
        "Come on, if you really cared about Kaylee you'd say yes.",
        &[Move::Pressure],
    );
    assert_eq!(c.state().answer, Some(Answer::No), "{pushed:?}");
    assert!(
        pushed.why.iter().any(|w| w.contains("closed up")),
        "{:?}",
        pushed.why
    );
}

#[test]
fn the_models_step_four_is_not_a_lecture() {
    // Their stake and yours, the facts, the vision, the plan: four statements in a row,
    // after the stake is found, cost no patience.
    let mut c = talk("boiler-4c", 11);
    to_the_story(&mut c);
    act(
        &mut c,
        "Who do you think is responsible for the boiler?",
        &[Move::Agitate],
    );
    let patience = c.state().patience;
    for (m, line) in [
        (
            Move::OwnStake,
            "I want that fixed too: my apartment hit 56 degrees last January.",
        ),
        (
            Move::Educate,
            "Greyline has bought eleven buildings on the East Side since 2021.",
        ),
        (
            Move::Vision,
            "We're forming a tenants association so nobody faces Halvorsen alone.",
        ),
        (
            Move::Plan,
            "Twenty-five apartments at the meeting Thursday, then the letter on the 17th.",
        ),
    ] {
        act(&mut c, line, &[m]);
    }
    assert_eq!(c.state().patience, patience);
}

#[test]
fn a_persona_answers_the_words_the_organizer_actually_used() {
    let marisol = &LIBRARY.personas["marisol-reyes"].item;
    let open = marisol.vision.open.as_ref().expect("Marisol's open reply");
    let heat_logs = open
        .echo
        .iter()
        .find(|e| e.when.all().iter().any(|w| w == "heat log"))
        .expect("an echo for heat logs");
    let vision = |line: &str| {
        let mut c = talk("boiler-4c", 8);
        to_the_story(&mut c);
        act(
            &mut c,
            "Why do you think the boiler keeps breaking?",
            &[Move::Agitate],
        );
        act(
            &mut c,
            "I'm in this because my apartment hit 56 degrees last January.",
            &[Move::OwnStake],
        );
        act(&mut c, line, &[Move::Vision])
    };

    let named = vision(
        "We're organizing so every household keeps a Heat Log, and nobody can call us liars.",
    );
    assert_eq!(named.rule, "vision:open", "{:?}", named.why);
    assert!(
        heat_logs.says.all().contains(&named.text),
        "she answers the heat logs the organizer named: {:?}",
        named.text
    );

    let unnamed =
        vision("We're organizing so this building is treated like the ones with doormen.");
    assert_eq!(unnamed.rule, "vision:open", "{:?}", unnamed.why);
    assert!(
        open.says.all().contains(&unnamed.text),
        "without those words, she never mentions them: {:?}",
        unnamed.text
    );
}

#[test]
fn a_persona_s_own_reactions_answer_the_words_used_too() {
    let marisol = &LIBRARY.personas["marisol-reyes"].item;
    let small_talk = marisol
        .reactions
        .iter()
        .find(|r| r.to == Move::SmallTalk)
        .expect("Marisol's small talk");
    let cooking = small_talk
        .echo
        .iter()
        .find(|e| e.when.all().iter().any(|w| w == "smells"))
        .expect("an echo for the smell of her cooking");
    let chat = |line: &str, seed: u64| {
        let mut c = talk("boiler-4c", seed);
        frame(&mut c);
        act(&mut c, line, &[Move::SmallTalk])
    };

    for seed in 0..12 {
        let named = chat("Something smells amazing in there!", seed);
        assert!(
            cooking.says.all().contains(&named.text),
            "she answers the compliment the organizer paid: {:?}",
            named.text
        );
        let unnamed = chat("How's your evening going?", seed);
        assert!(
            small_talk.says.all().contains(&unnamed.text),
            "without it, she never thanks anyone for a compliment: {:?}",
            unnamed.text
        );
    }
}

#[test]
fn a_silence_after_the_ask_is_answered_in_the_words_of_the_ask() {
    let marisol = &LIBRARY.personas["marisol-reyes"].item;
    let no_time = marisol
        .objections
        .iter()
        .find(|o| o.id.get_ref().as_str() == "no-time")
        .expect("Marisol's no-time worry");
    let thursday = no_time
        .surfaces
        .echo
        .iter()
        .find(|e| e.when.all().iter().any(|w| w == "Thursday"))
        .expect("an echo for Thursday");
    let out_after = |ask: &str| {
        let mut c = talk("boiler-4c", 3);
        to_the_ask(&mut c);
        act(
            &mut c,
            "Here's the plan: 25 apartments at the meeting, then the letter on the 17th.",
            &[Move::Plan],
        );
        act(&mut c, "What worries you about it?", &[Move::Explore]);
        act(
            &mut c,
            "At the Birchwood 29 households signed together and nobody was pushed out.",
            &[Move::Plan],
        );
        act(&mut c, ask, &[Move::Ask]);
        act(&mut c, "", &[Move::Silence])
    };

    let named = out_after("Can I count on you to come Thursday at 7?");
    assert_eq!(named.objection.as_deref(), Some("no-time"), "{named:?}");
    assert!(
        thursday.says.all().contains(&named.text),
        "the silence leaves the ask's Thursday hanging: {:?}",
        named.text
    );

    let unnamed = out_after("Can I count on you to come to the meeting?");
    assert_eq!(unnamed.objection.as_deref(), Some("no-time"), "{unnamed:?}");
    assert!(
        no_time.surfaces.says.all().contains(&unnamed.text),
        "no Thursday she was never told about: {:?}",
        unnamed.text
    );
}
