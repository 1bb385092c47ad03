//! The one keymap: which key does what in which mode. The footer and the help
//! screen are generated from this table, so they can never disagree with the keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Msg;

/// What the keyboard is talking to right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    Start,
    Workshop,
    /// Presentation mode: the wall view, with the facilitator's keys still working.
    Present,
    /// The read-only live view (`samspel present`).
    Follow,
    /// Writing the agreement.
    Agreement,
    /// Dot voting.
    Voting,
    /// The list of action items.
    Actions,
    /// The tjänsteskrivelse (decision memo), part by part.
    Memo,
    Editor,
    /// Writing an agreement section's text: the editor without speakers.
    SectionEditor,
    Picker,
    Confirm,
    Form,
    PrepDetails,
    PrepParticipants,
    PrepAgenda,
    Help,
}

/// What a key asks for; `App::update` decides what it means in the current state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Quit,
    ForceQuit,
    Help,
    Back,
    Up,
    Down,
    PrevBlock,
    NextBlock,
    Accept,
    NextFocus,
    PrevFocus,
    NewAnswer,
    SpeakAs(u8),
    SpeakGroup,
    PickSpeaker,
    EditAnswer,
    DeleteAnswer,
    Undo,
    ToggleMark,
    MoveAnswer,
    AddActionItem,
    ActionItems,
    CycleView,
    ToggleGuidance,
    Pass,
    TimerToggle,
    TimerReset,
    TimerPlus,
    TimerMinus,
    ToggleBell,
    ToggleDone,
    Prepare,
    NewSession,
    OpenDemo,
    SaveText,
    NewLine,
    Yes,
    No,
    New,
    Remove,
    MoveUp,
    MoveDown,
    Longer,
    Shorter,
    Skip,
    StartWorkshop,
    LoadProgramFile,
    TogglePresent,
    NextSlide,
    PrevSlide,
    ToggleNames,
    ToggleSides,
    ToggleTheme,
    Export,
    OpenAgreement,
    OpenMemo,
    EditHeader,
    TakeIn,
    NextAgreement,
    NewAgreement,
    Board,
    Starters,
    PlaceItem,
    Prioritise,
    AddDot,
    RemoveDot,
    MarkTop,
    Pick,
    Group,
    Split,
    MoreDots,
    FewerDots,
    ToggleResult,
}

/// A key, as the table matches it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Code(KeyCode),
    Ctrl(char),
    Alt(KeyCode),
    Shift(KeyCode),
    /// `1` to `9`.
    Digits,
}

pub struct Binding {
    pub modes: &'static [Mode],
    pub keys: &'static [Key],
    pub command: Command,
    pub help: Msg,
    /// Shown in the footer (the rest only in the help screen).
    pub footer: bool,
}

use Command as C;
use KeyCode as K;
use Mode as M;

const ANY: &[Mode] = &[
    M::Start,
    M::Workshop,
    M::Present,
    M::Follow,
    M::Agreement,
    M::Voting,
    M::Actions,
    M::Memo,
    M::Editor,
    M::SectionEditor,
    M::Picker,
    M::Confirm,
    M::Form,
    M::PrepDetails,
    M::PrepParticipants,
    M::PrepAgenda,
    M::Help,
];
const LISTS: &[Mode] = &[
    M::Start,
    M::Workshop,
    M::Agreement,
    M::Voting,
    M::Actions,
    M::Memo,
    M::Picker,
    M::PrepParticipants,
    M::PrepAgenda,
];
const PREP: &[Mode] = &[M::PrepDetails, M::PrepParticipants, M::PrepAgenda];
const NAVIGABLE: &[Mode] = &[
    M::Start,
    M::Workshop,
    M::Present,
    M::Follow,
    M::Agreement,
    M::Voting,
    M::Actions,
    M::Memo,
    M::PrepDetails,
    M::PrepParticipants,
    M::PrepAgenda,
];
/// The workshop's answer keys work while presenting too: the wall shows answers as they come.
const ANSWERING: &[Mode] = &[M::Workshop, M::Present];

macro_rules! bind {
    ($modes:expr, [$($key:expr),+], $command:expr, $help:ident, $footer:expr) => {
        Binding { modes: $modes, keys: &[$($key),+], command: $command, help: Msg::$help, footer: $footer }
    };
}

/// The table, in the order the help screen lists it. One binding a line, so that
/// the table reads as a table.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind!(&[M::Editor, M::SectionEditor], [Key::Code(K::Enter)], C::SaveText, KeySaveAnswer, true),
    bind!(&[M::Editor, M::SectionEditor], [Key::Alt(K::Enter), Key::Ctrl('j')], C::NewLine, KeyNewLine, true),
    bind!(&[M::Editor], [Key::Code(K::Tab)], C::NextFocus, KeyNextSpeaker, true),
    bind!(&[M::Editor], [Key::Code(K::BackTab)], C::PrevFocus, KeyPrevSpeaker, false),
    bind!(&[M::Editor, M::SectionEditor, M::Picker, M::Form], [Key::Code(K::Esc)], C::Back, KeyCancel, true),
    bind!(&[M::Confirm], [Key::Code(K::Char('j')), Key::Code(K::Char('y'))], C::Yes, KeyYes, true),
    bind!(&[M::Confirm], [Key::Code(K::Char('n')), Key::Code(K::Esc)], C::No, KeyNo, true),
    bind!(&[M::Picker], [Key::Code(K::Enter)], C::Accept, KeyChoose, true),
    bind!(&[M::Form], [Key::Code(K::Enter)], C::Accept, KeyFormSave, true),
    bind!(&[M::Form, M::PrepDetails], [Key::Code(K::Tab), Key::Code(K::Down)], C::NextFocus, KeyNextField, true),
    bind!(&[M::Form, M::PrepDetails], [Key::Code(K::BackTab), Key::Code(K::Up)], C::PrevFocus, KeyPrevField, false),
    bind!(&[M::Start], [Key::Code(K::Enter)], C::Accept, KeyOpenSession, true),
    bind!(&[M::Start], [Key::Code(K::Char('n'))], C::NewSession, KeyNewSession, true),
    bind!(&[M::Start], [Key::Code(K::Char('d'))], C::OpenDemo, KeyOpenDemo, true),
    bind!(ANSWERING, [Key::Code(K::Char('a'))], C::NewAnswer, KeyNewAnswer, true),
    bind!(ANSWERING, [Key::Digits], C::SpeakAs(0), KeySpeakAs, true),
    bind!(ANSWERING, [Key::Code(K::Char('0'))], C::SpeakGroup, KeySpeakGroup, false),
    bind!(ANSWERING, [Key::Code(K::Char('s'))], C::PickSpeaker, KeyPickSpeaker, false),
    bind!(ANSWERING, [Key::Code(K::Char('h'))], C::Pass, KeyPass, false),
    bind!(ANSWERING, [Key::Code(K::Left), Key::Code(K::PageUp)], C::PrevBlock, KeyPrevBlock, false),
    bind!(ANSWERING, [Key::Code(K::Right), Key::Code(K::PageDown)], C::NextBlock, KeyNextBlock, true),
    bind!(LISTS, [Key::Code(K::Up)], C::Up, KeyUp, false),
    bind!(LISTS, [Key::Code(K::Down)], C::Down, KeyDown, false),
    bind!(&[M::Workshop], [Key::Code(K::Char('r')), Key::Code(K::Enter)], C::EditAnswer, KeyEditAnswer, false),
    bind!(&[M::Workshop], [Key::Code(K::Char('d')), Key::Code(K::Delete)], C::DeleteAnswer, KeyDeleteAnswer, false),
    bind!(&[M::Workshop], [Key::Code(K::Char('z')), Key::Ctrl('z')], C::Undo, KeyUndo, false),
    bind!(&[M::Workshop], [Key::Code(K::Char('m'))], C::ToggleMark, KeyMark, true),
    bind!(&[M::Workshop], [Key::Code(K::Char('f'))], C::MoveAnswer, KeyMoveAnswer, false),
    bind!(&[M::Workshop], [Key::Code(K::Char('B'))], C::Board, KeyBoard, false),
    bind!(&[M::Workshop], [Key::Code(K::Char('u'))], C::AddActionItem, KeyActionItem, false),
    bind!(&[M::Workshop], [Key::Code(K::Char('U'))], C::ActionItems, KeyActionItems, false),
    bind!(&[M::Actions], [Key::Code(K::Enter), Key::Code(K::Char('r'))], C::Accept, KeyEditActionItem, true),
    bind!(&[M::Actions], [Key::Code(K::Char('n')), Key::Code(K::Char('u'))], C::New, KeyActionItem, true),
    bind!(&[M::Actions], [Key::Code(K::Char('d')), Key::Code(K::Delete)], C::Remove, KeyDeleteActionItem, true),
    bind!(&[M::Actions], [Key::Code(K::Char('z')), Key::Ctrl('z')], C::Undo, KeyUndo, false),
    bind!(&[M::Workshop], [Key::Code(K::Char('v'))], C::CycleView, KeyView, true),
    bind!(&[M::Workshop, M::Agreement, M::Memo], [Key::Code(K::Char('e'))], C::Export, KeyExport, false),
    bind!(&[M::Workshop], [Key::Code(K::Char('o'))], C::OpenAgreement, KeyAgreement, true),
    bind!(&[M::Agreement], [Key::Code(K::Enter)], C::Accept, KeyWriteSection, true),
    bind!(&[M::Agreement], [Key::Code(K::Tab)], C::NextFocus, KeyNextItem, true),
    bind!(&[M::Agreement], [Key::Code(K::BackTab)], C::PrevFocus, KeyPrevItem, false),
    bind!(&[M::Agreement], [Key::Code(K::Char('i'))], C::TakeIn, KeyTakeIn, true),
    bind!(&[M::Agreement], [Key::Code(K::Char('s'))], C::Starters, KeyStarters, true),
    bind!(&[M::Agreement], [Key::Code(K::Char('f'))], C::PlaceItem, KeyPlaceItem, false),
    bind!(&[M::Agreement], [Key::Code(K::Char('v'))], C::NextAgreement, KeyNextAgreement, false),
    bind!(&[M::Agreement], [Key::Code(K::Char('a'))], C::NewAgreement, KeyNewAgreement, false),
    bind!(&[M::Agreement], [Key::Code(K::Char('k'))], C::ToggleDone, KeySectionDone, true),
    bind!(&[M::Agreement], [Key::Code(K::Char('h'))], C::EditHeader, KeyHeader, true),
    bind!(&[M::Agreement], [Key::Code(K::Char('t'))], C::OpenMemo, KeyMemo, true),
    bind!(&[M::Memo], [Key::Code(K::Enter), Key::Code(K::Char('r'))], C::Accept, KeyEditMemoPart, true),
    bind!(&[M::Memo], [Key::Code(K::Char('d')), Key::Code(K::Delete)], C::Remove, KeyResetMemoPart, true),
    bind!(&[M::Memo], [Key::Code(K::Esc)], C::Back, KeyBackToAgreement, true),
    bind!(&[M::Agreement, M::Actions], [Key::Code(K::Esc)], C::Back, KeyBackToWorkshop, true),
    bind!(&[M::Agreement, M::Voting, M::Actions], [Key::Code(K::Char('p'))], C::TogglePresent, KeyPresent, true),
    bind!(&[M::Workshop], [Key::Code(K::Char('P'))], C::Prioritise, KeyPrioritise, false),
    bind!(&[M::Voting], [Key::Code(K::Char('+')), Key::Code(K::Right)], C::AddDot, KeyAddDot, true),
    bind!(&[M::Voting], [Key::Code(K::Char('-')), Key::Code(K::Left)], C::RemoveDot, KeyRemoveDot, true),
    bind!(&[M::Voting], [Key::Code(K::Tab)], C::NextFocus, KeyNextVoter, true),
    bind!(&[M::Voting], [Key::Code(K::BackTab)], C::PrevFocus, KeyPrevVoter, false),
    bind!(&[M::Voting], [Key::Digits], C::SpeakAs(0), KeyVoter, true),
    bind!(&[M::Voting], [Key::Code(K::Char('m'))], C::ToggleMark, KeyMark, true),
    bind!(&[M::Voting], [Key::Code(K::Char('M'))], C::MarkTop, KeyMarkTop, true),
    bind!(&[M::Voting], [Key::Code(K::Char('x'))], C::Pick, KeyPick, true),
    bind!(&[M::Voting], [Key::Code(K::Char('g'))], C::Group, KeyGroup, true),
    bind!(&[M::Voting], [Key::Code(K::Char('S'))], C::Split, KeySplit, true),
    bind!(&[M::Voting], [Key::Code(K::Char(']'))], C::MoreDots, KeyMoreDots, true),
    bind!(&[M::Voting], [Key::Code(K::Char('['))], C::FewerDots, KeyFewerDots, true),
    bind!(&[M::Voting], [Key::Code(K::Char('r'))], C::ToggleResult, KeyHideResult, true),
    bind!(&[M::Voting], [Key::Code(K::Esc)], C::Back, KeyBackToWorkshop, true),
    bind!(ANSWERING, [Key::Code(K::Char('p'))], C::TogglePresent, KeyPresent, true),
    bind!(&[M::Present], [Key::Code(K::Tab)], C::NextSlide, KeyNextSlide, true),
    bind!(&[M::Present], [Key::Code(K::BackTab)], C::PrevSlide, KeyPrevSlide, false),
    bind!(&[M::Present], [Key::Code(K::Char('n'))], C::ToggleNames, KeyNames, true),
    bind!(&[M::Present], [Key::Code(K::Char('N'))], C::ToggleSides, KeySides, false),
    bind!(&[M::Present], [Key::Code(K::Char('l'))], C::ToggleTheme, KeyTheme, false),
    bind!(&[M::Present], [Key::Code(K::Esc)], C::TogglePresent, KeyLeavePresent, false),
    bind!(&[M::Workshop], [Key::Code(K::Char('g'))], C::ToggleGuidance, KeyGuidance, false),
    bind!(ANSWERING, [Key::Code(K::Char('t')), Key::Code(K::Char(' '))], C::TimerToggle, KeyTimer, true),
    bind!(&[M::Workshop], [Key::Code(K::Char('T'))], C::TimerReset, KeyTimerReset, false),
    bind!(ANSWERING, [Key::Code(K::Char('+'))], C::TimerPlus, KeyTimerPlus, false),
    bind!(ANSWERING, [Key::Code(K::Char('-'))], C::TimerMinus, KeyTimerMinus, false),
    bind!(&[M::Workshop], [Key::Code(K::Char('b'))], C::ToggleBell, KeyBell, false),
    bind!(&[M::Workshop], [Key::Code(K::Char('k'))], C::ToggleDone, KeyDone, false),
    bind!(&[M::Workshop], [Key::Code(K::Char('i'))], C::Prepare, KeyPrepare, false),
    bind!(&[M::Workshop], [Key::Code(K::Tab)], C::NextFocus, KeyFocus, false),
    bind!(&[M::Workshop], [Key::Code(K::BackTab)], C::PrevFocus, KeyFocusBack, false),
    bind!(PREP, [Key::Ctrl('s'), Key::Code(K::F(5))], C::StartWorkshop, KeyStartWorkshop, true),
    bind!(&[M::PrepDetails], [Key::Ctrl('o')], C::LoadProgramFile, KeyProgramFile, true),
    bind!(&[M::PrepParticipants, M::PrepAgenda], [Key::Code(K::Tab)], C::NextFocus, KeyNextTab, true),
    bind!(&[M::PrepParticipants, M::PrepAgenda], [Key::Code(K::BackTab)], C::PrevFocus, KeyPrevTab, false),
    bind!(&[M::PrepParticipants, M::PrepAgenda], [Key::Code(K::Char('n'))], C::New, KeyPrepNew, true),
    bind!(&[M::PrepParticipants], [Key::Code(K::Enter)], C::Accept, KeyPrepEdit, true),
    bind!(&[M::PrepParticipants], [Key::Code(K::Char('d')), Key::Code(K::Delete)], C::Remove, KeyPrepRemove, false),
    bind!(&[M::PrepParticipants, M::PrepAgenda], [Key::Shift(K::Up), Key::Alt(K::Up)], C::MoveUp, KeyMoveUp, false),
    bind!(&[M::PrepParticipants, M::PrepAgenda], [Key::Shift(K::Down), Key::Alt(K::Down)], C::MoveDown, KeyMoveDown, false),
    bind!(&[M::PrepAgenda], [Key::Code(K::Char('+'))], C::Longer, KeyLonger, true),
    bind!(&[M::PrepAgenda], [Key::Code(K::Char('-'))], C::Shorter, KeyShorter, true),
    bind!(&[M::PrepAgenda], [Key::Code(K::Char('h'))], C::Skip, KeySkip, false),
    bind!(NAVIGABLE, [Key::Code(K::Char('?'))], C::Help, KeyHelp, true),
    bind!(&[M::Help], [Key::Code(K::Esc), Key::Code(K::Char('?')), Key::Code(K::Char('q'))], C::Back, KeyCloseHelp, true),
    bind!(&[M::Workshop, M::PrepDetails, M::PrepParticipants, M::PrepAgenda], [Key::Code(K::Esc)], C::Back, KeyBack, false),
    bind!(&[M::Start, M::Workshop, M::Present, M::Follow, M::Agreement, M::Voting, M::Actions, M::Memo, M::PrepParticipants, M::PrepAgenda], [Key::Code(K::Char('q'))], C::Quit, KeyQuit, true),
    bind!(ANY, [Key::Ctrl('c')], C::ForceQuit, KeyForceQuit, false),
];

impl Key {
    fn matches(self, event: &KeyEvent) -> Option<Option<u8>> {
        let mods = event.modifiers;
        // Shift is part of typing a character ('?', 'T', '+') and of Shift+Tab;
        // on other keys it means something else (Shift+↑ moves a row).
        let shifted_char = matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab);
        let plain = mods.is_empty() || (mods == KeyModifiers::SHIFT && shifted_char);
        let hit = match self {
            Key::Code(code) => event.code == code && plain,
            Key::Ctrl(c) => event.code == KeyCode::Char(c) && mods.contains(KeyModifiers::CONTROL),
            Key::Alt(code) => event.code == code && mods.contains(KeyModifiers::ALT),
            Key::Shift(code) => event.code == code && mods.contains(KeyModifiers::SHIFT),
            Key::Digits => {
                return match event.code {
                    KeyCode::Char(c @ '1'..='9') if plain => Some(Some(c as u8 - b'0')),
                    _ => None,
                };
            }
        };
        hit.then_some(None)
    }

    /// How the key is written in the footer and the help.
    pub fn label(self) -> String {
        match self {
            Key::Code(code) => code_label(code),
            Key::Ctrl(c) => format!("Ctrl+{}", c.to_ascii_uppercase()),
            Key::Alt(code) => format!("Alt+{}", code_label(code)),
            Key::Shift(KeyCode::BackTab) => "Shift+Tab".into(),
            Key::Shift(code) => format!("Shift+{}", code_label(code)),
            Key::Digits => "1–9".into(),
        }
    }
}

fn code_label(code: KeyCode) -> String {
    match code {
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift+Tab".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Delete => "Delete".into(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Char(' ') => "Space".into(),
        KeyCode::Char(c) => c.to_string(),
        other => format!("{other:?}"),
    }
}

/// The command a key means in `mode`, if any.
pub fn command_for(mode: Mode, event: &KeyEvent) -> Option<Command> {
    BINDINGS
        .iter()
        .filter(|b| b.modes.contains(&mode))
        .find_map(|b| {
            b.keys
                .iter()
                .find_map(|k| k.matches(event))
                .map(|digit| match (b.command, digit) {
                    (Command::SpeakAs(_), Some(n)) => Command::SpeakAs(n),
                    (command, _) => command,
                })
        })
}

/// The bindings that work in `mode` (for the footer: only the footer ones).
pub fn bindings_for(mode: Mode, footer_only: bool) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| b.modes.contains(&mode) && (b.footer || !footer_only))
}

/// "←/PgUp": the keys of a binding, as shown to people.
pub fn keys_label(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn no_key_means_two_things_in_one_mode() {
        for mode in ANY {
            let bindings: Vec<&Binding> = bindings_for(*mode, false).collect();
            for (i, a) in bindings.iter().enumerate() {
                for b in &bindings[i + 1..] {
                    for k in a.keys {
                        assert!(!b.keys.contains(k), "{mode:?}: {k:?} is bound twice");
                    }
                }
            }
        }
    }

    #[test]
    fn digits_carry_their_number_and_ctrl_c_always_quits() {
        let three = key(KeyCode::Char('3'), KeyModifiers::NONE);
        assert_eq!(
            command_for(Mode::Workshop, &three),
            Some(Command::SpeakAs(3))
        );
        assert_eq!(command_for(Mode::Editor, &three), None, "typed as text");
        let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for mode in ANY {
            assert_eq!(command_for(*mode, &ctrl_c), Some(Command::ForceQuit));
        }
        let alt_enter = key(KeyCode::Enter, KeyModifiers::ALT);
        assert_eq!(
            command_for(Mode::Editor, &alt_enter),
            Some(Command::NewLine)
        );
        let enter = key(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(command_for(Mode::Editor, &enter), Some(Command::SaveText));
    }
}
