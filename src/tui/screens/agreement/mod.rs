//! The agreement screen: section by section, the compiled material beside the
//! text the group writes together, its status, and the header.

pub(crate) mod draw;

use crate::i18n::{Msg, Quoted};
use crate::model::draft_agreement::{Draft, DraftItem, compile_agreement, default_title};
use crate::model::{AgreementText, Item, MAIN, ParticipantId, Session, Slide};
use crate::tr;
use crate::tui::app::{Effect, Overlay};
use crate::tui::dialogs::form::{self, Field, FieldError, Form};
use crate::tui::dialogs::picker::{Choice, Picker, Purpose};
use crate::tui::editor::Editor;
use crate::tui::keymap::Command;
use crate::tui::screens::{Ask, Cx};

/// The agreement screen's state: the agreement being written (empty for the
/// main one), the section selected, and the item of its material (`Tab`) that
/// `i` takes into the text and `f` moves.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgreementUi {
    pub agreement: String,
    pub section: usize,
    pub item: usize,
}

impl AgreementUi {
    /// The agreement being written (the main one if its id is gone).
    pub fn agreement<'a>(&self, session: &'a Session) -> &'a AgreementText {
        session
            .agreement_of(&self.agreement)
            .unwrap_or(session.agreement())
    }

    /// Its id, for the model's changes.
    fn id(&self, session: &Session) -> String {
        self.agreement(session).id().to_string()
    }

    /// The agreement being written, compiled.
    pub fn draft(&self, session: &Session, lang: crate::i18n::Lang) -> Draft {
        compile_agreement(session, self.agreement(session), lang)
    }

    /// The id of the selected section.
    pub fn selected(&self, session: &Session) -> Option<String> {
        let sections = &session.program().sections;
        let last = sections.len().saturating_sub(1);
        sections.get(self.section.min(last)).map(|s| s.id.clone())
    }

    /// The selected item of material, if the section has any.
    fn selected_item(&self, cx: &Cx) -> Option<DraftItem> {
        let draft = self.draft(cx.session()?, cx.lang);
        let material = material(&draft, self.section);
        // Taking the last item in leaves the cursor past the end: the one before.
        let at = self.item.min(material.len().saturating_sub(1));
        material.get(at).map(|(item, _)| (*item).clone())
    }

    pub(crate) fn command(&mut self, cx: &mut Cx, command: Command) -> Vec<Effect> {
        let Some(session) = cx.session() else {
            return vec![];
        };
        let n = session.program().sections.len();
        let selected = self.selected(session);
        let presenting = session.progress().presentation.on;
        let agreement = self.id(session);
        match command {
            Command::Up | Command::Down => {
                self.section = match command {
                    Command::Up => self.section.saturating_sub(1),
                    _ => (self.section + 1).min(n.max(1) - 1),
                };
                self.item = 0;
                // The wall follows the section being written.
                if presenting {
                    let section = self.selected(session);
                    return cx.change(|s| show_section(s, &agreement, section));
                }
            }
            Command::NextFocus | Command::PrevFocus => {
                let draft = self.draft(session, cx.lang);
                let count = material(&draft, self.section).len();
                if count == 0 {
                    cx.notify(tr!(cx.lang, NoticeNoItem));
                    return vec![];
                }
                let step = if command == Command::NextFocus {
                    1
                } else {
                    count - 1
                };
                self.item = (self.item + step) % count;
            }
            Command::TogglePresent if presenting => {
                return cx.change(|s| s.toggle_wall(Slide::Section, None));
            }
            Command::TogglePresent => {
                return cx.change(|s| show_section(s, &agreement, selected));
            }
            Command::Accept => {
                if let Some(id) = selected {
                    write(cx, &agreement, &id, None, Vec::new());
                }
            }
            Command::TakeIn => match (selected, self.selected_item(cx)) {
                (Some(id), Some(item)) => {
                    write(cx, &agreement, &id, Some(&item.text), item.all().collect())
                }
                _ => cx.notify(tr!(cx.lang, NoticeNoItem)),
            },
            Command::Starters => {
                if let Some(id) = selected {
                    pick_starter(cx, &id);
                }
            }
            Command::PlaceItem => match self.selected_item(cx) {
                Some(item) => pick_section(cx, self, &item),
                None => cx.notify(tr!(cx.lang, NoticeNoItem)),
            },
            Command::ToggleDone => {
                if let Some(id) = selected {
                    let sections = &self.agreement(session).sections;
                    let done = sections.get(&id).is_some_and(|t| t.done);
                    return cx
                        .try_effects(|s, now| s.set_section_done(&agreement, &id, !done, now));
                }
            }
            Command::NextAgreement => {
                let ids: Vec<String> = session.agreements().map(|a| a.id().to_string()).collect();
                let at = ids.iter().position(|i| *i == agreement).unwrap_or(0);
                self.agreement = ids[(at + 1) % ids.len()].clone();
                self.item = 0;
                let draft = self.draft(session, cx.lang);
                cx.notify(tr!(
                    cx.lang,
                    NoticeWriting,
                    title = Quoted(cx.lang, &draft.title)
                ));
            }
            Command::NewAgreement => new_agreement_form(cx),
            Command::EditHeader => header_form(cx, self),
            Command::OpenMemo => cx.ask(Ask::Memo),
            Command::Export => cx.ask(Ask::Export),
            Command::Back => cx.ask(Ask::Workshop),
            Command::Quit => cx.ask(Ask::Quit),
            _ => {}
        }
        vec![]
    }

    /// A choice made in a picker this screen opened: a starter to begin the
    /// text with, or the section to move material to.
    pub(crate) fn picked(&mut self, cx: &mut Cx, purpose: Purpose, chosen: Choice) -> Vec<Effect> {
        match (purpose, chosen) {
            (Purpose::Starter(section), Choice::Text(starter)) => {
                // "Vi ska…" opens the sentence: the group writes on where the dots were.
                let open = match starter.strip_suffix('…') {
                    Some(start) => format!("{start} "),
                    None => starter,
                };
                let Some(agreement) = cx.session().map(|s| self.id(s)) else {
                    return vec![];
                };
                write(cx, &agreement, &section, Some(&open), Vec::new());
            }
            (Purpose::PlaceItem(items), Choice::Section(section)) => {
                let Some(agreement) = cx.session().map(|s| self.id(s)) else {
                    return vec![];
                };
                let placed = cx.try_change(|s, now| {
                    items
                        .iter()
                        .try_for_each(|i| s.place_item(&agreement, *i, &section, now))
                });
                if let Some((_, effects)) = placed {
                    let title = cx
                        .session()
                        .and_then(|s| s.section_title(&section, cx.lang));
                    let title = title.unwrap_or_default();
                    cx.notify(tr!(
                        cx.lang,
                        NoticePlaced,
                        section = Quoted(cx.lang, &title)
                    ));
                    self.item = self.item.saturating_sub(1);
                    return effects;
                }
            }
            _ => {}
        }
        vec![]
    }

    /// Keeps the text written in the editor as the section's; the material
    /// taken into it is worked in, and belongs to this section from now on.
    pub(crate) fn save_section(&mut self, cx: &mut Cx, editor: &Editor) -> Vec<Effect> {
        let (Some(section), text) = (&editor.section, editor.text()) else {
            return vec![];
        };
        let agreement = editor.agreement.as_str();
        cx.try_effects(|s, now| {
            s.set_section_text(agreement, section, &text, now)?;
            for &item in &editor.taken {
                let placed = s.section_of(s.agreement_of(agreement)?, item);
                if placed != Some(section.as_str()) {
                    s.place_item(agreement, item, section, now)?;
                }
                s.set_used(agreement, item, true, now)?;
            }
            Ok::<_, crate::model::ModelError>(())
        })
    }

    /// Saves the header form, or says which field is wrong.
    pub(crate) fn submit_header(
        &mut self,
        cx: &mut Cx,
        form: &Form,
    ) -> Result<Vec<Effect>, FieldError> {
        let lang = cx.lang;
        let version = form.text(Msg::FieldVersion);
        let version: u32 = version
            .parse()
            .ok()
            .filter(|v| *v > 0)
            .ok_or_else(|| FieldError::new(Msg::FieldVersion, tr!(lang, NoticeBadVersion)))?;
        let review = form.day(Msg::FieldNextReview, lang)?;
        let mut parties = parties_chosen(cx, form);
        // The form asks two; a third or fourth party set from the command
        // line stays.
        if let Some(session) = cx.session() {
            let set = &self.agreement(session).parties;
            parties.extend(
                set.iter()
                    .skip(2)
                    .filter(|p| !parties.contains(p))
                    .copied()
                    .collect::<Vec<_>>(),
            );
        }
        let title = form.text(Msg::FieldAgreementTitle);
        let Some(agreement) = cx.session().map(|s| self.id(s)) else {
            return Ok(vec![]);
        };
        let result = cx.attempt(|s, now| {
            // The default stays the default: it follows the organisation's name.
            let default = default_title(s, s.agreement_of(&agreement)?, lang);
            let title = if title == default { "" } else { &title };
            s.set_agreement_title(&agreement, title, now)?;
            s.set_agreement_version(&agreement, version, review, now)?;
            s.set_parties(&agreement, parties, now)
        });
        result
            .map(|(_, e)| e)
            .map_err(|m| FieldError::new(Msg::FieldParty1, m))
    }
}

/// The agreement's header: its title, its two parties (the chair and the
/// director unless others were chosen), its version and next review.
fn header_form(cx: &mut Cx, ui: &AgreementUi) {
    let Some(session) = cx.session() else {
        return;
    };
    let draft = ui.draft(session, cx.lang);
    let mut names = vec![tr!(cx.lang, NoParty)];
    names.extend(session.participants().iter().map(|p| p.name.clone()));
    let index_of = |k: usize| {
        draft
            .parties
            .get(k)
            .and_then(|party| {
                let people = session.participants().iter();
                people.clone().position(|p| p.id == party.participant)
            })
            .map_or(0, |i| i + 1)
    };
    let version = draft.version.to_string();
    let review = draft.next_review.map(|d| d.to_string()).unwrap_or_default();
    let fields = vec![
        Field::text(Msg::FieldAgreementTitle, &draft.title),
        Field::choice(Msg::FieldParty1, names.clone(), index_of(0)),
        Field::choice(Msg::FieldParty2, names, index_of(1)),
        Field::text(Msg::FieldVersion, &version),
        Field::date(Msg::FieldNextReview, &review),
    ];
    let title = tr!(cx.lang, FormAgreementHeader);
    let form = Form::new(form::Purpose::AgreementHeader, title, fields);
    cx.ask(Ask::Overlay(Overlay::Form(form)));
}

/// A section's material as the screen lists it: what feeds the section, then
/// what feeds none yet (the writing block's own answers, marked `true`), which
/// any section may take in.
pub(crate) fn material(draft: &Draft, section: usize) -> Vec<(&DraftItem, bool)> {
    let last = draft.sections.len().saturating_sub(1);
    let own = draft.sections.get(section.min(last)).map(|s| &s.items);
    let own = own.into_iter().flatten().map(|i| (i, false));
    own.chain(draft.unplaced.iter().map(|i| (i, true)))
        .collect()
}

/// Opens the editor on a section's text, with `addition` (an answer to turn
/// into a commitment, or a sentence starter) as a paragraph of its own at the
/// end, where the cursor is.
fn write(cx: &mut Cx, agreement: &str, section: &str, addition: Option<&str>, taken: Vec<Item>) {
    let Some(text) = cx.session().and_then(|s| s.agreement_of(agreement).ok()) else {
        return;
    };
    let text = text.sections.get(section);
    let text = text.map(|t| t.text.as_str()).unwrap_or_default();
    let saved = text.to_string();
    let text = match addition {
        Some(addition) if !text.is_empty() => format!("{text}\n{addition}"),
        Some(addition) => addition.to_string(),
        None => saved.clone(),
    };
    let mut editor = Editor::for_section(agreement, section, &text);
    editor.saved = saved;
    editor.taken = taken;
    cx.ask(Ask::Editor(Some(Box::new(editor))));
}

/// The sentence starters of the section, to begin its text with.
fn pick_starter(cx: &mut Cx, section: &str) {
    let Some(session) = cx.session() else {
        return;
    };
    let starters = crate::model::starters::starters(section, &session.organisation, cx.lang);
    let items = starters
        .into_iter()
        .map(|s| (s.clone(), Choice::Text(s)))
        .collect();
    let title = tr!(cx.lang, PickerStarters);
    let picker = Picker::new(Purpose::Starter(section.to_string()), title, items);
    cx.ask(Ask::Overlay(Overlay::Picker(picker)));
}

/// The sections to move an item of material to: every one but its own.
fn pick_section(cx: &mut Cx, ui: &AgreementUi, item: &DraftItem) {
    let Some(session) = cx.session() else {
        return;
    };
    let draft = ui.draft(session, cx.lang);
    let own = session.section_of(ui.agreement(session), item.item);
    let items = draft
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| Some(s.id.as_str()) != own)
        .map(|(n, s)| {
            (
                format!("{}. {}", n + 1, s.title),
                Choice::Section(s.id.clone()),
            )
        })
        .collect();
    let title = tr!(cx.lang, PickerPlaceIn);
    let picker = Picker::new(Purpose::PlaceItem(item.all().collect()), title, items);
    cx.ask(Ask::Overlay(Overlay::Picker(picker)));
}

/// Shows a section of an agreement on the wall.
fn show_section(session: &mut Session, agreement: &str, section: Option<String>) {
    session.show_on_wall(Slide::Section, section);
    let shown = (agreement != MAIN).then(|| agreement.to_string());
    session.progress_mut().presentation.agreement = shown;
}

/// A new agreement on the same rules, e.g. between the oppositionsråd and the
/// director: its name and its two parties.
fn new_agreement_form(cx: &mut Cx) {
    let Some(session) = cx.session() else {
        return;
    };
    let mut names = vec![tr!(cx.lang, NoParty)];
    names.extend(session.participants().iter().map(|p| p.name.clone()));
    let fields = vec![
        Field::text(Msg::FieldAgreementName, ""),
        Field::choice(Msg::FieldParty1, names.clone(), 0),
        Field::choice(Msg::FieldParty2, names, 0),
    ];
    let title = tr!(cx.lang, FormNewAgreement);
    let form = Form::new(form::Purpose::NewAgreement, title, fields);
    cx.ask(Ask::Overlay(Overlay::Form(form)));
}

impl AgreementUi {
    /// Creates the agreement the form describes and goes to it.
    pub(crate) fn submit_new_agreement(
        &mut self,
        cx: &mut Cx,
        form: &Form,
    ) -> Result<Vec<Effect>, FieldError> {
        let name = form.text(Msg::FieldAgreementName);
        let parties = parties_chosen(cx, form);
        let id = crate::store::slugify(&name);
        let made = cx.attempt(|s, now| s.add_agreement(&id, &name, parties, now));
        let (_, effects) = made.map_err(|m| FieldError::new(Msg::FieldAgreementName, m))?;
        self.agreement = id;
        self.item = 0;
        Ok(effects)
    }
}

/// The participants chosen in a form's two party fields.
fn parties_chosen(cx: &Cx, form: &Form) -> Vec<ParticipantId> {
    [Msg::FieldParty1, Msg::FieldParty2]
        .iter()
        .filter_map(|&f| form.index(f).checked_sub(1))
        .filter_map(|i| cx.session()?.participants().get(i).map(|p| p.id))
        .collect()
}
