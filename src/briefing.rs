//! The briefing: what a trainee is told before a conversation, and what `show --json`
//! prints for scripts. Hidden objections, stake arcs and thresholds are never in it: the
//! trainee has to find those out by talking.

use crate::content::persona::Persona;
use crate::content::scenario::{Milestone, Organization, Scenario, Setting, Target};
use crate::content::step::Step;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Briefing {
    pub id: String,
    pub title: String,
    pub difficulty: String,
    pub summary: String,
    pub persona: PersonaBrief,
    pub setting: Setting,
    pub organization: Organization,
    pub campaign: CampaignBrief,
    pub objectives: Vec<String>,
    pub model: String,
    pub start_step: Step,
    pub turn_limit: u32,
    pub drill: Option<DrillBrief>,
}

#[derive(Debug, Serialize)]
pub struct PersonaBrief {
    pub id: String,
    pub name: String,
    pub called: String,
    pub pronouns: Option<String>,
    pub age: Option<i64>,
    pub role: String,
}

#[derive(Debug, Serialize)]
pub struct CampaignBrief {
    pub issue: String,
    pub targets: Vec<Target>,
    pub vision: String,
    pub plan: String,
    pub milestones: Vec<Milestone>,
    pub precedent: String,
    pub ask: String,
}

#[derive(Debug, Serialize)]
pub struct DrillBrief {
    pub so_far: String,
}

impl Briefing {
    pub fn new(scenario: &Scenario, persona: &Persona) -> Briefing {
        let campaign = &scenario.campaign;
        Briefing {
            id: scenario.id().to_string(),
            title: scenario.title.clone(),
            difficulty: scenario.difficulty.to_string(),
            summary: scenario.summary.clone(),
            persona: PersonaBrief {
                id: persona.id().to_string(),
                name: persona.name.clone(),
                called: persona.called().to_owned(),
                pronouns: persona.pronouns.clone(),
                age: persona.age.map(|a| a.get()),
                role: persona.role.clone(),
            },
            setting: scenario.setting.clone(),
            organization: scenario.organization.clone(),
            campaign: CampaignBrief {
                issue: campaign.issue.clone(),
                targets: campaign.targets.get_ref().clone(),
                vision: campaign.vision.clone(),
                plan: campaign.plan.clone(),
                milestones: campaign.milestones.get_ref().clone(),
                precedent: campaign.precedent.clone(),
                ask: campaign.ask.clone(),
            },
            objectives: scenario.objectives.get_ref().clone(),
            model: scenario.model_id().to_owned(),
            start_step: scenario.start_step(),
            turn_limit: scenario.turn_limit(),
            drill: scenario.drill.as_ref().map(|d| DrillBrief {
                so_far: d.so_far.clone(),
            }),
        }
    }
}
