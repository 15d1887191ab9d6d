; MeetingRoom's Windows installer: an Inno Setup 6 script (Inno Setup 6.3 or later).
;
; It installs the one-folder app that PyInstaller builds on Windows, from the repository root:
;   pyinstaller --noconfirm packaging\meetingroom.spec
; which leaves dist\MeetingRoom\ holding MeetingRoom.exe (the app, a windowed program),
; meetingroom-cli.exe (the same program as a console program, for the command line) and
; _internal\ (Python, Qt, fonts, pictures and the app's own files).
;
; Build the installer with packaging\windows\build.ps1, or by hand from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\meetingroom.iss
; It is written to dist\MeetingRoom-VERSION-windows-setup.exe.
;
; What it does: installs for the person running it (no administrator needed), or for everyone
; on the computer if they choose that and have an administrator's password; adds MeetingRoom to
; the Start menu; opens .meetingroom workspace files with MeetingRoom. It never changes PATH,
; and uninstalling never removes anyone's workspaces or settings (see the end of this file).
;
; Every path below is relative to this script's folder (Inno Setup's SourceDir).

#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or later is needed (for ArchitecturesAllowed=x64compatible)
#endif

; The version is the app's own (__version__ in src\meetingroom\__init__.py); build.ps1 passes it
; with /DAppVersion=..., and tests check that the default here agrees with the app.
#ifndef AppVersion
#define AppVersion "0.1.0"
#endif

; The names below (MeetingRoom.exe, meetingroom-cli.exe, dist\MeetingRoom, the icon, the app id
; org.meetingroom.MeetingRoom, the .meetingroom file type) are the ones packaging\meetingroom.spec
; and the Linux files use: keep them the same everywhere.

; Stop early, with a clear message, if the app has not been built on Windows yet.
#if !FileExists(AddBackslash(SourcePath) + "..\..\dist\MeetingRoom\MeetingRoom.exe") || !FileExists(AddBackslash(SourcePath) + "..\..\dist\MeetingRoom\meetingroom-cli.exe")
  #error dist\MeetingRoom has no MeetingRoom.exe and meetingroom-cli.exe: build the app first, on Windows, with packaging\windows\build.ps1 or pyinstaller --noconfirm packaging\meetingroom.spec
#endif

[Setup]
; The AppId identifies MeetingRoom to Windows across versions, so that a new version replaces
; the old one. Never change it. (The doubled brace is how Inno Setup writes a literal one.)
AppId={{08F1DE44-B97E-4792-8E3B-D542266C8869}
AppName=MeetingRoom
AppVersion={#AppVersion}
AppPublisher=The MeetingRoom team
AppCopyright=The MeetingRoom team. GPL-3.0-or-later.
AppComments=Run accessible, inclusive co-production meetings
; How it is listed in Settings > Apps (the version is shown beside it).
UninstallDisplayName=MeetingRoom
UninstallDisplayIcon={app}\MeetingRoom.exe

; Per-user by default, so it installs on a venue's laptop without an administrator:
; {autopf} is then %LOCALAPPDATA%\Programs. The first page lets someone with an administrator's
; password install for everyone instead ({autopf} is then C:\Program Files). IT can choose on the
; command line with /CURRENTUSER or /ALLUSERS.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\MeetingRoom
; One shortcut straight in the Start menu, no folder to choose.
DisableProgramGroupPage=yes

; The app is 64-bit (x64); this also lets it install on Arm64 Windows 11, which runs x64 programs.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 version 1809 or later.
MinVersion=10.0.17763

WizardStyle=modern
SetupIconFile=..\icons\meetingroom.ico
; Tell Windows about the .meetingroom file type at the end of installing and uninstalling.
ChangesAssociations=yes
; A log in %TEMP% (Setup Log YYYY-MM-DD #NNN.txt) to help if an installation goes wrong.
SetupLogging=yes

; The installer itself: dist\MeetingRoom-VERSION-windows-setup.exe.
OutputDir=..\..\dist
OutputBaseFilename=MeetingRoom-{#AppVersion}-windows-setup
Compression=lzma2
SolidCompression=yes

[Languages]
; Inno Setup ships no British English messages (EnglishBritish.isl is an unofficial translation
; that is not installed with it), so use its English and reword below what people read most.
Name: "english"; MessagesFile: "compiler:Default.isl"

[Messages]
; The first question, in plain English. %1 is MeetingRoom.
PrivilegesRequiredOverrideTitle=Who is MeetingRoom for?
PrivilegesRequiredOverrideInstruction=Install MeetingRoom for you, or for everyone?
PrivilegesRequiredOverrideText2=%1 can be installed for you only, which needs no administrator password, or for everyone who uses this computer, which does.
PrivilegesRequiredOverrideCurrentUserRecommended=Install for &me only (recommended)
PrivilegesRequiredOverrideAllUsers=Install for &everyone on this computer (needs an administrator password)
; The last page. The command line is meetingroom-cli.exe in the installation folder: it is not
; put on PATH, so type its full path (see packaging\windows\README.md).
FinishedLabel=[name] is installed. Start it from the Start menu, or open any MeetingRoom workspace file.%n%nYour workspaces and settings are kept in your own user folder. Uninstalling MeetingRoom never removes them.%n%nFor the command line, use meetingroom-cli.exe in the folder MeetingRoom is installed in.

[CustomMessages]
english.StartNow=Start MeetingRoom now

[Tasks]
; An optional desktop shortcut, not ticked unless the person asks for it.
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; On an upgrade, clear out the previous version's program files first, so no old library is
; left beside the new ones. This is only the program's own folder: never anyone's workspaces.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; The whole one-folder app, as PyInstaller built it.
Source: "..\..\dist\MeetingRoom\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; Start menu (for you, or for everyone) and the optional desktop shortcut. The AppUserModelID
; is the app's id, as on Linux, so Windows groups its windows and pinned icons together.
Name: "{autoprograms}\MeetingRoom"; Filename: "{app}\MeetingRoom.exe"; Comment: "Run accessible, inclusive co-production meetings"; AppUserModelID: "org.meetingroom.MeetingRoom"
Name: "{autodesktop}\MeetingRoom"; Filename: "{app}\MeetingRoom.exe"; Comment: "Run accessible, inclusive co-production meetings"; AppUserModelID: "org.meetingroom.MeetingRoom"; Tasks: desktopicon

[Registry]
; The .meetingroom file type, for you (HKCU) or for everyone (HKLM), following the choice made
; on the first page. Double-clicking a workspace runs: "...\MeetingRoom.exe" "PATH", and the app
; takes a single path ending .meetingroom as --workspace PATH. Uninstalling removes all of this.
Root: HKA; Subkey: "Software\Classes\.meetingroom"; ValueType: string; ValueName: ""; ValueData: "MeetingRoom.Workspace"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\.meetingroom\OpenWithProgids"; ValueType: string; ValueName: "MeetingRoom.Workspace"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\MeetingRoom.Workspace"; ValueType: string; ValueName: ""; ValueData: "MeetingRoom workspace"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\MeetingRoom.Workspace"; ValueType: string; ValueName: "AppUserModelID"; ValueData: "org.meetingroom.MeetingRoom"
Root: HKA; Subkey: "Software\Classes\MeetingRoom.Workspace\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\MeetingRoom.exe,0"
Root: HKA; Subkey: "Software\Classes\MeetingRoom.Workspace\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\MeetingRoom.exe"" ""%1"""
; MeetingRoom in the "Open with" list for workspace files.
Root: HKA; Subkey: "Software\Classes\Applications\MeetingRoom.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "MeetingRoom"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\MeetingRoom.exe\SupportedTypes"; ValueType: string; ValueName: ".meetingroom"; ValueData: ""

[Run]
; A tick box on the last page to start MeetingRoom. Skipped in a silent installation. (Setup
; starts it as the person who ran Setup, not as the administrator, even for everyone.)
Filename: "{app}\MeetingRoom.exe"; Description: "{cm:StartNow}"; Flags: nowait postinstall skipifsilent

; Uninstalling removes only what this installer put in place: the program folder, the shortcuts
; and the file type. It never deletes anyone's data. Workspaces, settings and logs live in each
; person's %LOCALAPPDATA%\MeetingRoom (platformdirs user_data_dir("MeetingRoom",
; appauthor=False)), or wherever they saved a workspace, and that is deliberate: so there is no
; [UninstallDelete] section, and none must be added for those folders.
