//! Every user-visible string, in Swedish and English.
//!
//! Messages are templates: `{name}` placeholders are filled by [`fill`], usually
//! through the [`tr!`](crate::tr) macro. A unit test checks that both languages of a
//! message use the same placeholders, so a translation can never drop a value.

use std::fmt::{self, Display};

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

/// The language of the user interface.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    // Swedish is the default: the users are Swedish. (Plain comments, not doc
    // comments: clap would show those in the help, in English.)
    #[default]
    Sv,
    En,
}

impl Lang {
    /// Reads a language code as given on the command line or in `SAMSPEL_LANG`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_lowercase().as_str() {
            "sv" | "sv_se" | "svenska" => Some(Lang::Sv),
            "en" | "en_gb" | "en_us" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

macro_rules! messages {
    ($($name:ident => $sv:literal, $en:literal;)*) => {
        /// A key into the message table.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($name),* }

        impl Msg {
            /// Every message, for the consistency test.
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];

            fn pair(self) -> (&'static str, &'static str) {
                match self { $(Msg::$name => ($sv, $en)),* }
            }

            /// The message's name as written in this table (`"CliNewOrg"`): how
            /// the command line's definition names its help texts.
            pub const fn key(self) -> &'static str {
                match self { $(Msg::$name => stringify!($name)),* }
            }

            /// The message named `key`, if there is one.
            pub fn from_key(key: &str) -> Option<Msg> {
                Msg::ALL.iter().copied().find(|m| m.key() == key)
            }
        }
    };
}

messages! {
    // ---- words used in several places
    Group => "Gruppen", "The group";
    SidePolitik => "Politik", "Politics";
    SideVerksamhet => "Verksamhet", "Organisation";
    Observer => "observatör", "observer";
    Anonymous => "Deltagare {n}", "Participant {n}";
    AnonymousSomeone => "Deltagare ?", "Participant ?";
    Day => "Dag {n}", "Day {n}";
    Answers => "{n} svar", "{n} answers";
    AnswersMarked => "{n} svar · markerade: {marked}", "{n} answers · marked: {marked}";
    Blocks => "{n} block", "{n} blocks";
    DaysOne => "1 dag", "1 day";
    DaysMany => "{n} dagar", "{n} days";
    Participants => "{n} deltagare", "{n} participants";
    Skipped => "hoppas över", "skipped";
    End => "slut", "end";
    Program => "Program", "Program";
    Changed => "ändrad {time}", "changed {time}";
    NoDate => "inget datum", "no date";

    // ---- command line: descriptions
    CliAbout => "Samspel – för processledaren i SKR:s arbete ”styra och leda tillsammans”: program, svar per deltagare och ett utkast till överenskommelse. Allt stannar på datorn.",
                "Samspel – for the process leader of SKR's 'styra och leda tillsammans' workshop: programs, answers per participant and a draft agreement. Everything stays on this computer.";
    CliAfterHelp => "Sessioner sparas i {dir} (ändra med SAMSPEL_DATA_DIR). SESSION är en sökväg eller namnet på en sparad session.",
                    "Sessions are kept in {dir} (change with SAMSPEL_DATA_DIR). SESSION is a path or the name of a saved session.";
    CliUsage => "Användning:", "Usage:";
    CliCommands => "Kommandon", "Commands";
    CliArguments => "Argument", "Arguments";
    CliOptions => "Flaggor", "Options";
    CliHelp => "Visa hjälpen", "Show this help";
    CliVersion => "Visa versionen", "Show the version";
    CliLang => "Språk för text och meddelanden (sv eller en)", "Language of texts and messages (sv or en)";
    CliOpen => "Öppna en session i appen", "Open a session in the app";
    CliOpenBlock => "Börja vid blocket med det här id:t", "Start at the block with this id";
    CliDemo => "Öppna en ny kopia av demosessionen", "Open a fresh copy of the demo session";
    CliDemoGenerate => "Skriv en genererad tvådagarssession till en fil i stället för att öppna appen (för prestandamätning)", "Write a generated two-day session to a file instead of opening the app (for benchmarks)";
    CliDemoParticipants => "Antal deltagare i den genererade sessionen", "Number of participants in the generated session";
    CliDemoAnswers => "Antal svar i den genererade sessionen", "Number of answers in the generated session";
    CliDemoOrg => "Organisationens namn i den genererade sessionen", "The organisation's name in the generated session";
    CliDemoOut => "Filen som ska skrivas", "The file to write";
    CliNew => "Skapa en ny session från ett program och skriv ut sökvägen till den", "Create a new session from a program and print its path";
    CliNewProgram => "Programmets id (se `samspel programs`) eller en programfil", "The program's id (see `samspel programs`) or a program file";
    CliNewOrg => "Kommunen, regionen eller organisationen", "The municipality, region or organisation";
    CliNewTitle => "Sessionens titel (annars programmets)", "The session's title (else the program's)";
    CliNewFacilitator => "Processledarens namn", "The process leader's name";
    CliNewDate => "Dag 1, som ÅÅÅÅ-MM-DD", "Day 1, as YYYY-MM-DD";
    CliNewDay2 => "Dag 2 för tvådagarsprogram, som ÅÅÅÅ-MM-DD (annars dagen efter dag 1)", "Day 2 of a two-day program, as YYYY-MM-DD (else the day after day 1)";
    CliNewParticipant => "En deltagare: \"Namn;Titel;politik|verksamhet\", gärna med ;parti eller förvaltning och ;observatör", "A participant: \"Name;Title;politik|verksamhet\", optionally with ;party or department and ;observer";
    CliList => "Visa sparade sessioner", "List saved sessions";
    CliShow => "Visa en sessions dagordning med block-id, tider och antal svar", "Show a session's agenda with block ids, times and answer counts";
    CliSession => "En sökväg eller namnet på en sparad session", "A path or the name of a saved session";
    CliAddAnswer => "Lägg till ett svar i en session", "Add an answer to a session";
    CliAddAnswerBlock => "Blockets id (se `samspel show`)", "The block's id (see `samspel show`)";
    CliAddAnswerParticipant => "Deltagarens namn, eller ”gruppen”", "The participant's name, or \"group\"";
    CliAddAnswerMark => "Markera svaret för överenskommelsen", "Mark the answer for the agreement";
    CliAddAnswerText => "Svarets text (- läser från standard in)", "The answer's text (- reads standard input)";
    CliExport => "Exportera en session till en fil", "Export a session to a file";
    CliExportFormat => "Format: json, csv, notes-md, notes-docx, notes-txt, agreement-md eller agreement-docx", "Format: json, csv, notes-md, notes-docx, notes-txt, agreement-md or agreement-docx";
    CliExportDay => "I minnesanteckningarna: bara den här dagen (1 eller 2)", "In the session notes: this day only (1 or 2)";
    CliErrDayNotNotes => "--day gäller bara minnesanteckningarna (notes-md, notes-docx, notes-txt).", "--day applies to the session notes only (notes-md, notes-docx, notes-txt).";
    CliExportRaw => "I csv: cellerna som de skrevs, utan ' framför text som ett kalkylprogram annars läser som en formel (styrtecken tas ändå bort)", "In csv: the cells as typed, without the ' before text a spreadsheet would otherwise read as a formula (control characters are still dropped)";
    CliErrRawNotCsv => "--raw gäller bara csv.", "--raw applies to csv only.";
    CliErrNoSuchDay => "Sessionen har ingen dag {n}; den har {of}.", "The session has no day {n}; it has {of}.";
    CliExportSources => "I överenskommelsen: underlaget från workshopen och vem som sa vad", "In the agreement: the workshop material and who said what";
    CliExportOut => "Filen som ska skrivas", "The file to write";
    CliExportAnonymous => "Utan deltagarnas namn", "Without the participants' names";
    CliExportForce => "Skriv över en befintlig fil", "Overwrite an existing file";
    CliPrograms => "Visa de inbyggda programmen", "List the built-in programs";
    CliCheckProgram => "Kontrollera en programfil", "Check a program file";
    CliCheckProgramFile => "Programfilen", "The program file";

    // ---- command line: usage errors
    CliErrMissing => "Det saknas {what}. Se `samspel {cmd} --help`.", "{what} is missing. See `samspel {cmd} --help`.";
    CliErrUnknownArg => "Okänd flagga eller argument: {arg}. Se `samspel {cmd} --help`.", "Unknown option or argument: {arg}. See `samspel {cmd} --help`.";
    CliErrUnknownCommand => "Okänt kommando: {arg}. Se `samspel --help`.", "Unknown command: {arg}. See `samspel --help`.";
    CliErrInvalidValue => "{value} går inte som {arg}; välj något av: {valid}.", "{value} is not valid for {arg}; choose one of: {valid}.";
    CliErrOther => "Kommandoraden kunde inte tolkas ({detail}). Se `samspel --help`.", "The command line could not be read ({detail}). See `samspel --help`.";
    BadDate => "Datumet {input} finns inte; skriv det som ÅÅÅÅ-MM-DD, till exempel 2026-03-12.", "The date {input} does not exist; write it as YYYY-MM-DD, for example 2026-03-12.";
    CliErrParticipantSpec => "Deltagaren {input} ska skrivas \"Namn;Titel;politik|verksamhet\" (med ;parti och ;observatör om det behövs).", "Write the participant {input} as \"Name;Title;politik|verksamhet\" (with ;party and ;observer if needed).";
    CliErrSide => "Sidan {input} finns inte; skriv politik eller verksamhet.", "There is no side {input}; write politik or verksamhet.";
    CliErrUnknownProgram => "Det finns inget program som heter {id} och ingen fil med det namnet; se `samspel programs`.", "There is no program called {id} and no file by that name; see `samspel programs`.";
    CliErrDay2OneDay => "Programmet {id} har bara en dag, så --day2 passar inte.", "The program {id} has only one day, so --day2 does not apply.";
    CliErrDay2NoDay1 => "Ange dag 1 med --date när dag 2 anges.", "Give day 1 with --date when day 2 is given.";
    CliErrOrgEmpty => "Organisationen behöver ett namn (--org).", "The organisation needs a name (--org).";
    PrepErrOrgEmpty => "Organisationen behöver ett namn.", "The organisation needs a name.";
    CliErrControlChars => "Värdet för {flag} får inte innehålla styrtecken (som ESC, tabb eller radbrytning).", "The value of {flag} must not contain control characters (such as ESC, a tab or a line break).";
    CliErrReadStdin => "Svaret kunde inte läsas från standard in: {detail}.", "The answer could not be read from standard input: {detail}.";

    // ---- command line: output
    ListEmpty => "Inga sparade sessioner i {dir}. Skapa en med: samspel new --program skr-en-dag --org \"Kommunens namn\"", "No saved sessions in {dir}. Create one with: samspel new --program skr-en-dag --org \"Name of the municipality\"";
    ListUnreadable => "{file}: kan inte läsas ({reason})", "{file}: cannot be read ({reason})";
    ListSkippedOne => "1 post i mappen hoppades över: den är inte en vanlig fil eller är för stor för att vara en session.", "1 entry in the folder was passed over: it is not a regular file, or too large to be a session.";
    ListSkippedMany => "{n} poster i mappen hoppades över: de är inte vanliga filer eller är för stora för att vara sessioner.", "{n} entries in the folder were passed over: they are not regular files, or too large to be sessions.";
    CheckProgramOk => "{file}: programmet {title} är giltigt ({days}, {blocks}).", "{file}: the program {title} is valid ({days}, {blocks}).";
    Exported => "Exporten är skriven: {path}", "The export is written: {path}";

    // ---- model: invalid changes
    ModelEmptyName => "En deltagare behöver ett namn.", "A participant needs a name.";
    ModelDuplicateName => "Det finns redan en deltagare som heter {name}.", "There is already a participant called {name}.";
    ModelUnknownBlock => "Det finns inget block med id {id}; se `samspel show`.", "There is no block with the id {id}; see `samspel show`.";
    ModelBreakBlock => "Blocket {id} är en paus och tar inte emot svar.", "The block {id} is a break and takes no answers.";
    ModelUnknownParticipant => "Det finns ingen deltagare som heter {name}; deltagarna är: {known}.", "There is no participant called {name}; the participants are: {known}.";
    ModelObserver => "{name} är observatör och lämnar inga svar.", "{name} is an observer and gives no answers.";
    ModelEmptyAnswer => "Svaret är tomt; skriv något först.", "The answer is empty; write something first.";
    ModelUnknownSection => "Det finns inget avsnitt med id {id} i överenskommelsen.", "The agreement has no section with the id {id}.";
    ModelEmptyQuestion => "Frågan är tom; skriv frågan först.", "The question is empty; write the question first.";
    ModelCannotGroup => "Bara svar från samma block som inte redan ingår i ett förslag kan grupperas.", "Only answers of one block that are not already in a proposal can be grouped.";
    ModelNoDotsLeft => "{name} har inga prickar kvar (var och en har {dots}); ta bort en prick någon annanstans först.", "{name} has no dots left (each has {dots}); take a dot away elsewhere first.";
    ModelDotsInUse => "Någon har redan placerat {dots} prickar; färre än så går inte.", "Someone has already placed {dots} dots; it cannot be fewer.";
    ModelTooManyDots => "Högst {max} prickar per deltagare.", "At most {max} dots per participant.";
    KeyMoreDots => "fler prickar per person", "more dots each";
    KeyFewerDots => "färre prickar per person", "fewer dots each";
    VotingDotsEach => " {n} prickar var ", " {n} dots each ";
    ModelVotedOrParty => "{name} har prickar i en röstning eller är part i överenskommelsen; ta bort dem först, sedan kan {name} tas bort ur listan.", "{name} has dots in a voting or is a party to the agreement; take those away first, then {name} can be removed from the list.";
    ModelHasAnswers => "{name} har redan svarat; svaren behöver sin talare, så {name} blir kvar i listan.", "{name} has already answered; the answers need their speaker, so {name} stays on the list.";
    ModelUnknownAnswer => "Svaret finns inte längre.", "The answer no longer exists.";
    ModelDay2BeforeDay1 => "Dag 2 ({day2}) måste komma efter dag 1 ({day1}).", "Day 2 ({day2}) must come after day 1 ({day1}).";
    ModelNoIdsLeft => "Sessionen har inte plats för fler svar, deltagare, förslag eller uppdrag (räknaren för id har nått taket {max}); fortsätt i en ny session.", "The session has no room for more answers, participants, proposals or action items (its id counter has reached the limit of {max}); continue in a new session.";
    ModelDanglingAnswer => "svar {answer} hör till blocket {block}, som inte finns i programmet", "answer {answer} belongs to the block {block}, which is not in the program";
    ModelDanglingSpeaker => "svar {answer} är från deltagare {participant}, som inte finns", "answer {answer} is from participant {participant}, who does not exist";
    ModelDuplicateId => "id {id} används två gånger", "the id {id} is used twice";
    ModelDanglingId => "id {id} nämns men finns inte (i ett förslag, en röstning eller bland parterna)", "the id {id} is referred to but does not exist (in a proposal, a voting or among the parties)";
    ModelOutOfRange => "{place} har ett värde som appen aldrig skriver", "{place} holds a value the app never writes";
    ModelIdCounter => "räknaren next_id ({next}) är inte större än alla id", "the counter next_id ({next}) is not above every id";

    // ---- programs: validation
    ProgramInvalid => "Programfilen {file} har fel:", "The program file {file} has errors:";
    ProgramSyntax => "rad {line}, kolumn {column}: filen är inte giltig JSON ({detail})", "line {line}, column {column}: the file is not valid JSON ({detail})";
    ProgramMissingField => "fältet {field} saknas", "the field {field} is missing";
    ProgramUnknownField => "okänt fält {field}; tillåtna fält: {expected}", "unknown field {field}; allowed fields: {expected}";
    ProgramUnknownValue => "okänt värde {value}; tillåtna värden: {expected}", "unknown value {value}; allowed values: {expected}";
    ProgramWrongType => "fel sorts värde: {detail}", "wrong kind of value: {detail}";
    ProgramNoDays => "programmet har inga dagar", "the program has no days";
    ProgramEmptyDay => "dag {day} har inga block", "day {day} has no blocks";
    ProgramBadId => "id {id} får bara innehålla små bokstäver a–z, siffror och bindestreck", "the id {id} may only contain lower-case letters a–z, digits and hyphens";
    ProgramDuplicateBlock => "block-id {id} används mer än en gång", "the block id {id} is used more than once";
    ProgramDuplicateSection => "avsnitts-id {id} används mer än en gång", "the section id {id} is used more than once";
    ProgramUnknownSection => "blocket {block} matar det okända avsnittet {section}", "block {block} feeds the unknown section {section}";
    ProgramNegativeMinutes => "blocket {block} har längden {minutes} minuter; ett block måste vara minst 1 minut", "block {block} lasts {minutes} minutes; a block must last at least 1 minute";
    ProgramNoQuestion => "blocket {block} är en fråga men har ingen frågetext (question)", "block {block} is a question but has no question text (question)";
    ProgramDayTooLong => "dag {day} är {hours} timmar lång; en dag får vara högst 10 timmar", "day {day} lasts {hours} hours; a day may last at most 10 hours";
    ProgramPastMidnight => "dag {day} slutar efter midnatt", "day {day} ends after midnight";
    ProgramEmptyTitle => "{what} {id} saknar titel", "{what} {id} has no title";
    ProgramWhatBlock => "blocket", "block";
    ProgramWhatSection => "avsnittet", "section";
    ProgramWhatProgram => "programmet", "the program";
    ProgramBuiltInBroken => "Det inbyggda programmet {id} är trasigt; det är ett fel i Samspel: {detail}", "The built-in program {id} is broken; this is a bug in Samspel: {detail}";

    // ---- store
    StoreNotFound => "Hittar ingen session {session}; se `samspel list`.", "Found no session {session}; see `samspel list`.";
    IoDiskFull => "disken är full; frigör plats", "the disk is full; free some space";
    IoReadOnly => "mappen är skrivskyddad", "the folder is read-only";
    IoPermission => "du saknar behörighet till mappen eller filen", "you lack permission for the folder or the file";
    IoNotFound => "filen eller mappen finns inte", "the file or the folder does not exist";
    StoreIo => "{file} kunde inte {action}: {reason}.", "{file} could not be {action}: {reason}.";
    StoreActionRead => "läsas", "read";
    StoreActionWrite => "sparas", "saved";
    StoreActionLock => "låsas", "locked";
    StoreActionCreateDir => "skapas som mapp", "created as a folder";
    StoreParse => "{file} är inte en läsbar session: fel på rad {line}, kolumn {column} ({detail}). Filen har inte ändrats.", "{file} is not a readable session: error at line {line}, column {column} ({detail}). The file has not been changed.";
    StoreBackups => "Tidigare versioner finns i {files}.", "Earlier versions are in {files}.";
    StoreNotASession => "{file} är ingen Samspel-session (schema_version saknas). Filen har inte ändrats.", "{file} is not a Samspel session (schema_version is missing). The file has not been changed.";
    StoreNewer => "{file} är sparad av en nyare Samspel (schemaversion {version}, den här förstår {supported}). Uppdatera Samspel; filen har inte ändrats.", "{file} was saved by a newer Samspel (schema version {version}; this one understands {supported}). Update Samspel; the file has not been changed.";
    StoreInvalid => "{file} går inte att använda: {detail} (vid {at}). Filen har inte ändrats.", "{file} cannot be used: {detail} (at {at}). The file has not been changed.";
    StoreInconsistent => "{file} går inte att använda: {detail}. Filen har inte ändrats.", "{file} cannot be used: {detail}. The file has not been changed.";
    StoreOwnFile => "{file} är sessionens egen fil (eller en säkerhetskopia eller låsfilen); exporten skrivs inte dit. Välj ett annat filnamn.", "{file} is the session's own file (or a backup or the lock file); the export is not written there. Choose another file name.";
    ReadNotRegular => "{file} är inte en vanlig fil (utan en mapp, en enhet eller en namngiven rörledning) och läses inte.", "{file} is not a regular file (but a folder, a device or a named pipe) and is not read.";
    ReadTooLarge => "{file} är större än {max} MB och läses inte; en session eller ett program är aldrig så stort.", "{file} is larger than {max} MB and is not read; a session or a program is never that large.";
    StoreLocked => "Sessionen {session} är redan öppen i ett annat Samspel-fönster ({file}). Stäng det först; läsa går bra med `samspel present`.", "The session {session} is already open in another Samspel window ({file}). Close it first; reading works with `samspel present`.";
    StoreExists => "{file} finns redan; använd --force för att skriva över den.", "{file} already exists; use --force to overwrite it.";
    StoreNoDataDir => "Hittar ingen plats att spara sessioner på; ange en mapp med SAMSPEL_DATA_DIR.", "Found no place to keep sessions; name a folder with SAMSPEL_DATA_DIR.";

    // ---- the app
    AppTitle => "Samspel – styra och leda tillsammans", "Samspel – styra och leda tillsammans";
    AppSubtitle => "För processledaren: program, svar per deltagare och ett utkast till överenskommelse. Allt stannar på datorn.", "For the process leader: programs, answers per participant and a draft agreement. Everything stays on this computer.";
    StartSessions => " Sparade sessioner ", " Saved sessions ";
    StartEmpty => "Här finns inga sessioner än. Tryck n för att förbereda en ny workshop, eller d för att öppna demon och se hur en workshop ser ut medan den pågår.", "There are no sessions yet. Press n to prepare a new workshop, or d to open the demo and see a workshop in progress.";
    NeedsTerminal => "Samspel behöver en terminal; kör det direkt i ett terminalfönster (eller använd kommandona, se `samspel --help`).", "Samspel needs a terminal; run it directly in a terminal window (or use the commands, see `samspel --help`).";
    TooSmall => "Terminalen är för liten ({width}×{height}). Samspel behöver minst {min_width}×{min_height}; gör fönstret större eller texten mindre.", "The terminal is too small ({width}×{height}). Samspel needs at least {min_width}×{min_height}; make the window larger or the text smaller.";
    StatusSaved => "Sparat {time}", "Saved {time}";
    StatusSaving => "Sparar …", "Saving …";
    StatusSaveFailed => "INTE SPARAT: {reason} Svaren finns kvar i minnet; nytt försök var tredje sekund.", "NOT SAVED: {reason} The answers are kept in memory; retrying every three seconds.";
    ModeStart => "Start", "Start";
    ModeWorkshop => "Workshop", "Workshop";
    ModeEditor => "Skriver", "Typing";
    ModeDialog => "Dialog", "Dialog";
    ModePrep => "Förberedelser", "Preparation";
    ModeHelp => "Hjälp", "Help";
    HelpTitle => " Tangenter ", " Keys ";
    HelpClose => " Esc stänger ", " Esc closes ";
    ConfirmTitle => " Är du säker? ", " Are you sure? ";
    ConfirmKeys => "j = ja · n = nej", "y = yes · n = no";
    ConfirmQuitUnsaved => "Det senaste har inte kunnat sparas och försvinner om du avslutar nu. Avsluta ändå?", "The latest changes could not be saved and are lost if you quit now. Quit anyway?";
    ConfirmDelete => "Ta bort svaret från {who}: {text}?", "Delete the answer from {who}: {text}?";
    ConfirmDiscardNew => "Den nya sessionen har inte skapats än. Kasta den?", "The new session has not been created yet. Discard it?";
    PickerSpeaker => " Vem talar? ", " Who is speaking? ";
    PickerMoveTo => " Flytta svaret till ", " Move the answer to ";
    PickerHint => " skriv för att söka ", " type to search ";
    NoticeDraftBack => "Texten du skrev förra gången är tillbaka; Enter sparar den, Esc kastar den.", "The text you were typing last time is back; Enter saves it, Esc discards it.";
    NoticeNoSuchNumber => "Det finns ingen deltagare nummer {n}.", "There is no participant number {n}.";
    NoticeTookIn => "Ett annat program sparade sessionen medan den var öppen här. Svar och uppdrag därifrån som saknades här är med nu: {n} st. Sparat med allt; en äldre version finns i {backup}.", "Another program saved the session while it was open here. Answers and action items from there that were missing here are in now: {n}. Saved with everything; an older version is in {backup}.";
    NoticeKeptForeign => "Sessionsfilen hade ersatts av något som inte är den här sessionen (en annan session eller en trasig fil). Den finns kvar i {backup}; den här sessionen är sparad.", "The session file had been replaced by something that is not this session (another session or a broken file). It is kept in {backup}; this session is saved.";
    NoticeFileRecreated => "Sessionsfilen {file} saknades; den är skriven på nytt med allt i sessionen.", "The session file {file} was missing; it is written again with everything in the session.";
    NoticeDeleted => "Svaret togs bort; z ångrar.", "The answer was deleted; z undoes it.";
    NoticeNothingToUndo => "Det finns inget att ångra.", "There is nothing to undo.";
    NoticeRoundDone => "Alla har haft ordet i det här blocket.", "Everyone has had their say in this block.";
    NoticePassed => "{name} står över.", "{name} passes.";
    NoticeUnsavedStay => "Det senaste är inte sparat än; sessionen hålls öppen tills det är sparat.", "The latest is not saved yet; the session stays open until it is.";
    NoticeBadMinutes => "Skriv längden som ett antal minuter, till exempel 20.", "Write the length as a number of minutes, for example 20.";
    AgendaTitle => "Dagordning", "Agenda";
    OnSchedule => "enligt schemat", "on schedule";
    BehindSchedule => "{n} min efter schemat", "{n} min behind schedule";
    AheadOfSchedule => "{n} min före schemat", "{n} min ahead of schedule";
    TimerLeft => "⏱ {time} kvar", "⏱ {time} left";
    TimerOver => "⏱ {time} över tiden", "⏱ {time} over time";
    TimerPaused => "(pausad)", "(paused)";
    BellOff => "(ingen signal)", "(no bell)";
    RoundLeft => "Kvar i rundan: {names}", "Left in the round: {names}";
    RoundDone => "Alla har haft ordet.", "Everyone has had their say.";
    AnswersTitle => " Svar ({n}) · {view} ", " Answers ({n}) · {view} ";
    ViewArrival => "i ordning", "in order";
    ViewSides => "Politik | Verksamhet", "Politics | Organisation";
    ViewParticipants => "per deltagare", "by participant";
    NoAnswersYet => "Inga svar än. Tryck a för att skriva det första, eller 1–9 för att välja vem som talar.", "No answers yet. Press a to write the first, or 1–9 to choose who is speaking.";
    BreakBlock => "Paus – inga svar här.", "Break – no answers here.";
    Marked => "markerat", "marked";
    EditorNewTitle => " Svar från {who} · Tab byter talare ", " Answer from {who} · Tab changes speaker ";
    EditorEditTitle => " Ändrar svar från {who} ", " Editing the answer from {who} ";
    FormActionItem => " Nytt uppdrag ", " New action item ";
    FormNewParticipant => " Ny deltagare ", " New participant ";
    FormEditParticipant => " Ändra deltagare ", " Edit participant ";
    FormOwnQuestion => " Egen fråga ", " Own question ";
    DayOf => "Dag {n} av {of}", "Day {n} of {of}";
    WelcomeFacilitator => "Processledare: {name}", "Process leader: {name}";
    FollowGone => "Sessionsfilen {file} finns inte längre; bilden visar det som fanns. Visningen fortsätter när filen är tillbaka.", "The session file {file} is gone; the screen shows what was there. The view goes on when the file is back.";
    FollowUnreadable => "Sessionsfilen kan inte läsas just nu ({reason}); bilden visar det senaste som gick att läsa.", "The session file cannot be read just now ({reason}); the screen shows the last that could be read.";
    ModePresent => "Presentation", "Presentation";
    ModeFollow => "Visning", "Live view";
    CliPresent => "Visa en session på en andra skärm (bara läsning, följer den som skriver)", "Show a session on a second screen (read-only, follows the writer)";
    FormExport => " Exportera ", " Export ";
    FieldFormat => "Vad", "What";
    FieldAnonymous => "Utan namn", "Without names";
    FieldFolder => "Mapp", "Folder";
    FormatJson => "Hela sessionen (JSON, data)", "The whole session (JSON, data)";
    FormatCsv => "Svaren, en rad per svar (CSV)", "The answers, one row each (CSV)";
    FormatAgreementMd => "Överenskommelsen (Markdown)", "The agreement (Markdown)";
    FormatAgreementDocx => "Överenskommelsen (Word)", "The agreement (Word)";
    FormatNotesMd => "Minnesanteckningarna (Markdown)", "The session notes (Markdown)";
    FormatNotesDocx => "Minnesanteckningarna (Word)", "The session notes (Word)";
    FormatNotesTxt => "Minnesanteckningarna (text för e-post)", "The session notes (text for e-mail)";
    FieldDays => "Dagar", "Days";
    AllDays => "Alla dagar", "All days";
    ConfirmReplace => "{file} finns redan. Skriva över den?", "{file} already exists. Overwrite it?";
    KeyExport => "exportera", "export";
    KeyPrioritise => "prioritera (prickar)", "prioritise (dots)";
    KeyAddDot => "en prick till", "one more dot";
    KeyRemoveDot => "en prick mindre", "one dot less";
    KeyNextVoter => "nästa deltagare", "next participant";
    KeyPrevVoter => "föregående deltagare", "previous participant";
    KeyVoter => "deltagare nr", "participant no.";
    KeyPick => "välj för gruppering", "pick for grouping";
    KeyGroup => "gruppera de valda till ett förslag", "group the picked into one proposal";
    KeySplit => "dela upp förslaget", "split the proposal";
    FormGroup => " Ett förslag av {n} svar ", " One proposal from {n} answers ";
    FieldWording => "Formulering", "Wording";
    NoticePickAnswers => "Bara svar kan väljas för gruppering; ett förslag delas upp med S.", "Only answers can be picked for grouping; a proposal is split with S.";
    NoticePickTwo => "Välj minst två svar med x först.", "Pick at least two answers with x first.";
    NoticeSplitWhat => "Välj ett förslag ([≡]) att dela upp.", "Select a proposal ([≡]) to split.";
    NoticeSplitDots => "Förslaget är uppdelat; dess {n} prickar kunde inte fördelas och togs bort.", "The proposal is split; its {n} dots could not be shared out and were removed.";
    KeyMarkTop => "markera de översta", "mark the top ones";
    VotingTitle => " Prioritering: {block} ", " Prioritisation: {block} ";
    VotingVoters => " Vem röstar ", " Who votes ";
    VotingDotsLeft => "{n} kvar", "{n} left";
    VotingItems => " Förslag – prickar: totalt (P/V) ", " Items – dots: total (P/O) ";
    VotingResult => " Resultat ", " Result ";
    VotingNothing => "Det finns inget att prioritera här än: markera svar med m, eller öppna prioriteringen i ett block med svar.", "There is nothing to prioritise here yet: mark answers with m, or open prioritisation in a block with answers.";
    NoticeMarkedTop => "De {n} översta är markerade för överenskommelsen.", "The top {n} are marked for the agreement.";
    ModeVoting => "Prioritering", "Prioritisation";
    KeyAgreement => "överenskommelsen", "the agreement";
    KeyWriteSection => "skriv avsnittet", "write the section";
    KeySectionDone => "klar/utkast", "done/draft";
    KeyHeader => "parter och datum", "parties and dates";
    KeyBackToWorkshop => "tillbaka till workshopen", "back to the workshop";
    AgreementSections => " Avsnitt ", " Sections ";
    AgreementMaterial => " Underlag från workshopen ({n}) ", " Material from the workshop ({n}) ";
    AgreementText => " Vår text ", " Our text ";
    AgreementNoText => "Inget skrivet än. Tryck Enter för att skriva avsnittet tillsammans.", "Nothing written yet. Press Enter to write the section together.";
    AgreementNoMaterial => "Inga markerade svar matar det här avsnittet än.", "No marked answers feed this section yet.";
    AgreementDots => "{n} prickar", "{n} dots";
    EditorSectionTitle => " {section} · sparas medan du skriver ", " {section} · saved as you write ";
    FormAgreementHeader => " Parter och datum ", " Parties and dates ";
    FieldParty1 => "Part 1", "Party 1";
    FieldParty2 => "Part 2", "Party 2";
    FieldVersion => "Version", "Version";
    FieldNextReview => "Nästa översyn (ÅÅÅÅ-MM-DD)", "Next review (YYYY-MM-DD)";
    NoParty => "–", "–";
    NoticeBadVersion => "Skriv versionen som ett heltal, till exempel 2.", "Write the version as a whole number, for example 2.";
    ModeAgreement => "Överenskommelse", "Agreement";
    FormProgramFile => " Program från fil ", " Program from a file ";
    FieldProgramFile => "Sökväg", "Path";
    NoticeProgramFixed => "Programmet väljs när sessionen skapas; efter det ändras dagordningen under fliken Dagordning.", "The program is chosen when the session is created; after that, change the agenda on the Agenda tab.";
    NoticeNoPath => "Skriv sökvägen till programfilen.", "Write the path of the program file.";
    FieldWhat => "Vad", "What";
    FieldWho => "Vem", "Who";
    FieldDue => "Senast (ÅÅÅÅ-MM-DD)", "By (YYYY-MM-DD)";
    FieldProgram => "Program", "Program";
    FieldOrganisation => "Organisation", "Organisation";
    FieldTitle => "Titel", "Title";
    FieldFacilitator => "Processledare", "Process leader";
    FieldDay1 => "Dag 1 (ÅÅÅÅ-MM-DD)", "Day 1 (YYYY-MM-DD)";
    FieldDay2 => "Dag 2 (ÅÅÅÅ-MM-DD)", "Day 2 (YYYY-MM-DD)";
    FieldName => "Namn", "Name";
    FieldParticipantTitle => "Titel (Alt+↓ förslag)", "Title (Alt+↓ suggests)";
    FieldSide => "Sida", "Side";
    FieldAffiliation => "Parti/förvaltning", "Party/department";
    FieldObserver => "Observatör", "Observer";
    FieldQuestion => "Fråga", "Question";
    FieldSection => "Avsnitt", "Section";
    FieldMinutes => "Minuter", "Minutes";
    FieldDay => "Dag", "Day";
    Yes => "ja", "yes";
    No => "nej", "no";
    PrepTitle => "Förberedelser", "Preparation";
    PrepNewTitle => "Ny session – förberedelser (Ctrl+S skapar den)", "New session – preparation (Ctrl+S creates it)";
    PrepDetails => "Uppgifter", "Details";
    PrepParticipants => "Deltagare ({n})", "Participants ({n})";
    PrepAgenda => "Dagordning", "Agenda";
    PrepNoParticipants => "Inga deltagare än. Tryck n för att lägga till den första.", "No participants yet. Press n to add the first.";
    PrepDayTooLong => "Dagen är längre än 10 timmar – korta något block.", "The day is longer than 10 hours – shorten a block.";
    ColName => "Namn", "Name";
    ColTitle => "Titel", "Title";
    ColSide => "Sida", "Side";
    ColAffiliation => "Parti/förvaltning", "Party/department";

    // ---- documents
    ExportDocxFailed => "Word-filen kunde inte skapas ({detail}).", "The Word file could not be made ({detail}).";
    DocAgreement => "Överenskommelse", "Agreement";
    DocDraftStamp => "UTKAST – inte beslutat", "DRAFT – not decided";
    DocOrganisation => "Organisation", "Organisation";
    DocParties => "Parter", "Parties";
    DocDate => "Datum", "Date";
    DocVersion => "Version", "Version";
    DocVersionDraft => "{n} (utkast)", "{n} (draft)";
    DocNextReview => "Nästa översyn", "Next review";
    DocDone => "Klar", "Done";
    DocDraft => "Utkast", "Draft";
    DocMaterial => "Underlag från workshopen", "Material from the workshop";
    DocNothingYet => "Inget underlag än.", "Nothing here yet.";
    DocBy => "Senast", "By";
    DocReviewBy => "Överenskommelsen följs upp senast {date}, och därefter varje år, efter varje val och när ordförande eller direktör byts.", "The agreement is reviewed by {date}, and then every year, after every election and whenever the chair or the director changes.";
    DocEvaluationQuestions => "Frågor vid den årliga uppföljningen", "Questions for the annual review";
    NotesTitle => "Minnesanteckningar", "Session notes";
    NotesFacilitator => "Processledare", "Facilitator";
    NotesParticipants => "Deltagare", "Participants";
    NotesObservers => "Observatörer", "Observers";
    NotesQuestion => "Fråga", "Question";
    NotesMarked => "till överenskommelsen", "for the agreement";
    NotesNoAnswers => "Inga svar antecknade.", "No answers noted.";
    NotesProposals => "Sammanfattade förslag", "Merged proposals";
    NotesVoting => "Prioritering, {n} prickar var", "Prioritisation, {n} dots each";
    NotesUndotted => "{n} förslag fick inga prickar.", "{n} proposals got no dots.";
    NotesRank => "Plats", "Rank";
    NotesItem => "Förslag", "Proposal";
    NotesDots => "Prickar", "Dots";
    NotesDotsCount => "{n} prickar", "{n} dots";
    NotesSchedule => "Tidsplan och utfall", "Plan and actual time";
    NotesTime => "Tid", "Time";
    NotesBlock => "Block", "Block";
    NotesPlanned => "Planerat", "Planned";
    NotesActual => "Faktiskt", "Actual";
    NotesActions => "Uppdrag", "Action items";
    NotesFromBlock => "Från", "From";
    Minutes => "{n} min", "{n} min";

    // ---- keys: what each does, for the footer and the help screen
    KeySaveAnswer => "spara", "save";
    KeyNewLine => "ny rad", "new line";
    KeyNextSpeaker => "byt talare", "change speaker";
    KeyPrevSpeaker => "föregående talare", "previous speaker";
    KeyCancel => "avbryt", "cancel";
    KeyYes => "ja", "yes";
    KeyNo => "nej", "no";
    KeyChoose => "välj", "choose";
    KeyFormSave => "bekräfta", "confirm";
    KeyNextField => "nästa fält", "next field";
    KeyPrevField => "föregående fält", "previous field";
    KeyOpenSession => "öppna", "open";
    KeyNewSession => "ny session", "new session";
    KeyOpenDemo => "demo", "demo";
    KeyNewAnswer => "nytt svar", "new answer";
    KeySpeakAs => "talare", "speaker";
    KeySpeakGroup => "svar från gruppen", "answer from the group";
    KeyPickSpeaker => "välj talare", "pick speaker";
    KeyPass => "talaren står över", "speaker passes";
    KeyPrevBlock => "föregående block", "previous block";
    KeyNextBlock => "nästa block", "next block";
    KeyUp => "upp", "up";
    KeyDown => "ned", "down";
    KeyEditAnswer => "ändra svaret", "edit the answer";
    KeyDeleteAnswer => "ta bort svaret", "delete the answer";
    KeyUndo => "ångra borttagning", "undo delete";
    KeyMark => "markera", "mark";
    KeyMoveAnswer => "flytta svaret till annat block", "move the answer to another block";
    KeyActionItem => "nytt uppdrag", "new action item";
    KeyView => "vy", "view";
    KeyGuidance => "visa/dölj handledning", "show/hide guidance";
    KeyTimer => "timer", "timer";
    KeyTimerReset => "nollställ timern", "reset the timer";
    KeyTimerPlus => "en minut till", "one more minute";
    KeyTimerMinus => "en minut mindre", "one minute less";
    KeyBell => "signal av/på", "bell on/off";
    KeyDone => "blocket klart", "block done";
    KeyPrepare => "förberedelser", "preparation";
    KeyFocus => "dagordning/svar", "agenda/answers";
    KeyFocusBack => "dagordning/svar", "agenda/answers";
    KeyPresent => "presentation", "presentation";
    KeyNextSlide => "nästa bild", "next slide";
    KeyPrevSlide => "föregående bild", "previous slide";
    KeyNames => "namn på/av", "names on/off";
    KeySides => "sida på/av", "side on/off";
    KeyTheme => "ljust/mörkt", "light/dark";
    KeyLeavePresent => "lämna presentationen", "leave the presentation";
    KeyProgramFile => "program från fil", "program from a file";
    KeyStartWorkshop => "starta", "start";
    KeyNextTab => "nästa flik", "next tab";
    KeyPrevTab => "föregående flik", "previous tab";
    KeyPrepNew => "ny", "new";
    KeyPrepEdit => "ändra", "edit";
    KeyPrepRemove => "ta bort", "remove";
    KeyMoveUp => "flytta upp", "move up";
    KeyMoveDown => "flytta ned", "move down";
    KeyLonger => "längre", "longer";
    KeyShorter => "kortare", "shorter";
    KeySkip => "hoppa över", "skip";
    KeyHelp => "hjälp", "help";
    KeyCloseHelp => "stäng", "close";
    KeyBack => "tillbaka", "back";
    KeyQuit => "avsluta", "quit";
    KeyForceQuit => "avsluta direkt", "quit at once";

    // ---- weekdays and months for dates in running text
    Monday => "måndag", "Monday";
    Tuesday => "tisdag", "Tuesday";
    Wednesday => "onsdag", "Wednesday";
    Thursday => "torsdag", "Thursday";
    Friday => "fredag", "Friday";
    Saturday => "lördag", "Saturday";
    Sunday => "söndag", "Sunday";
    January => "januari", "January";
    February => "februari", "February";
    March => "mars", "March";
    April => "april", "April";
    May => "maj", "May";
    June => "juni", "June";
    July => "juli", "July";
    August => "augusti", "August";
    September => "september", "September";
    October => "oktober", "October";
    November => "november", "November";
    December => "december", "December";
    DateText => "{day} {month} {year}", "{day} {month} {year}";
    LongDate => "{weekday} {day} {month} {year}", "{weekday} {day} {month} {year}";
}

/// The template of `msg` in `lang`.
pub fn text(lang: Lang, msg: Msg) -> &'static str {
    let (sv, en) = msg.pair();
    match lang {
        Lang::Sv => sv,
        Lang::En => en,
    }
}

/// Replaces each `{name}` in `template` with its value; unknown names stay as written.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}');
        let value = close.and_then(|c| args.iter().find(|(k, _)| *k == &after[..c]));
        match (close, value) {
            (Some(c), Some((_, v))) => {
                out.push_str(&v.to_string());
                rest = &after[c + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `tr!(lang, Key)` or `tr!(lang, Key, name = value, ...)`: a filled message.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $msg:ident) => {
        $crate::i18n::text($lang, $crate::i18n::Msg::$msg).to_string()
    };
    ($lang:expr, $msg:ident, $($key:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::fill(
            $crate::i18n::text($lang, $crate::i18n::Msg::$msg),
            &[$((stringify!($key), &$value as &dyn std::fmt::Display)),+],
        )
    };
}

/// Something that can say itself in the user's language.
pub trait Localize {
    fn localize(&self, lang: Lang) -> String;
}

/// Wraps a value so that `{}` prints it quoted the way the language quotes:
/// ”så här” in Swedish, "like this" in English.
pub struct Quoted<'a>(pub Lang, pub &'a str);

impl Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Lang::Sv => write!(f, "”{}”", self.1),
            Lang::En => write!(f, "\"{}\"", self.1),
        }
    }
}

/// A date in a document: "12 mars 2026" / "12 March 2026".
pub fn date_text(lang: Lang, date: Date) -> String {
    tr!(
        lang,
        DateText,
        day = date.day(),
        month = text(lang, month_msg(date)),
        year = date.year()
    )
}

fn month_msg(date: Date) -> Msg {
    const MONTHS: [Msg; 12] = [
        Msg::January,
        Msg::February,
        Msg::March,
        Msg::April,
        Msg::May,
        Msg::June,
        Msg::July,
        Msg::August,
        Msg::September,
        Msg::October,
        Msg::November,
        Msg::December,
    ];
    MONTHS[usize::try_from(date.month() - 1).unwrap_or(0)]
}

/// A date in running text: "torsdag 12 mars 2026" / "Thursday 12 March 2026".
pub fn long_date(lang: Lang, date: Date) -> String {
    let weekday = match date.weekday() {
        Weekday::Monday => Msg::Monday,
        Weekday::Tuesday => Msg::Tuesday,
        Weekday::Wednesday => Msg::Wednesday,
        Weekday::Thursday => Msg::Thursday,
        Weekday::Friday => Msg::Friday,
        Weekday::Saturday => Msg::Saturday,
        Weekday::Sunday => Msg::Sunday,
    };
    let month = month_msg(date);
    tr!(
        lang,
        LongDate,
        weekday = text(lang, weekday),
        day = date.day(),
        month = text(lang, month),
        year = date.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(template: &str) -> Vec<&str> {
        let mut names: Vec<&str> = template
            .split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    #[test]
    fn both_languages_use_the_same_placeholders() {
        for msg in Msg::ALL {
            let (sv, en) = msg.pair();
            assert_eq!(placeholders(sv), placeholders(en), "{msg:?}");
            assert!(!sv.is_empty() && !en.is_empty(), "{msg:?}");
        }
    }

    #[test]
    fn every_message_is_found_by_its_key() {
        for &msg in Msg::ALL {
            assert_eq!(Msg::from_key(msg.key()), Some(msg));
        }
        assert_eq!(Msg::CliNewOrg.key(), "CliNewOrg");
        assert_eq!(Msg::from_key("NoSuchMessage"), None);
    }

    #[test]
    fn fill_replaces_known_names_and_keeps_the_rest() {
        let n = 3;
        assert_eq!(fill("{n} svar {x}", &[("n", &n)]), "3 svar {x}");
        assert_eq!(fill("ingen {", &[]), "ingen {");
        assert_eq!(tr!(Lang::En, Answers, n = 2), "2 answers");
    }

    #[test]
    fn long_dates_read_naturally() {
        let date = Date::new(2026, 3, 12).unwrap();
        assert_eq!(long_date(Lang::Sv, date), "torsdag 12 mars 2026");
        assert_eq!(long_date(Lang::En, date), "Thursday 12 March 2026");
    }

    #[test]
    fn quoting_follows_the_language() {
        assert_eq!(Quoted(Lang::Sv, "mål").to_string(), "”mål”");
        assert_eq!(Quoted(Lang::En, "goal").to_string(), "\"goal\"");
    }
}
