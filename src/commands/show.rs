use crate::briefing::Briefing;
use crate::content::Library;
use crate::output::Out;
use crate::render;
use crate::style::Palette;
use crate::{Error, Status};

pub fn show(
    library: &Library,
    id: &str,
    json: bool,
    palette: &Palette,
    out: &mut Out,
) -> Result<Status, Error> {
    let (scenario, persona, _) = library
        .resolve(id)
        .ok_or_else(|| unknown_scenario(library, id))?;
    let briefing = Briefing::new(&scenario.item, &persona.item);
    if json {
        out.json_pretty(&briefing)?;
    } else {
        out.line(render::briefing(&briefing, palette, render::width()).trim_end())?;
    }
    Ok(Status::Success)
}

pub fn unknown_scenario(library: &Library, id: &str) -> Error {
    let known: Vec<&str> = library.scenarios.keys().map(|k| k.as_str()).collect();
    let hint = match crate::content::nearest(id, known.iter().copied()) {
        Some(near) => format!("did you mean `{near}`? `greenlight list` shows them all"),
        None => "`greenlight list` shows the scenarios there are".to_owned(),
    };
    Error::UnknownScenario {
        id: id.to_owned(),
        hint,
    }
}
