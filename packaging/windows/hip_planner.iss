; Inno Setup script: the Windows installer for the bundle that `make bundle` (PyInstaller)
; leaves in dist\hip-planner. Build it on Windows with Inno Setup 6:
;
;   iscc /DAppVersion=0.1.0 packaging\windows\hip_planner.iss
;
; (.github/workflows/bundle.yml passes the version from pyproject.toml.) The installer needs no
; administrator rights: it installs for the current user, adds a Start menu entry and makes a
; double-click on a .hipplan file open Hip Planner. An update installs over the old version;
; the coach's catalog, settings and autosaves live in %LOCALAPPDATA%\HipPlanner and are kept.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z hip_planner.iss
#endif

[Setup]
AppId={{5E0C4F4B-2B7D-4F7E-9C53-3C1D6A0B7A10}
AppName=Hip Planner
AppVersion={#AppVersion}
AppPublisher=Hip Planner
DefaultDirName={autopf}\Hip Planner
DefaultGroupName=Hip Planner
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
OutputDir=..\..\dist
OutputBaseFilename=HipPlanner-{#AppVersion}-windows-setup
SetupIconFile=..\..\build\pyinstaller\hip_planner\icons\hip-planner.ico
UninstallDisplayIcon={app}\hip-planner.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[InstallDelete]
; The previous version's libraries: PyInstaller's file names change between releases.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\hip-planner\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Hip Planner"; Filename: "{app}\hip-planner.exe"
Name: "{autodesktop}\Hip Planner"; Filename: "{app}\hip-planner.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Registry]
; .hipplan -> HipPlanner.Program -> "hip-planner.exe" "%1" (HKA: per user, or all users
; when installed with administrator rights).
Root: HKA; Subkey: "Software\Classes\.hipplan"; ValueType: string; ValueName: ""; ValueData: "HipPlanner.Program"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.hipplan\OpenWithProgids"; ValueType: string; ValueName: "HipPlanner.Program"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\HipPlanner.Program"; ValueType: string; ValueName: ""; ValueData: "Hip Planner program"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\HipPlanner.Program\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\hip-planner.exe,0"
Root: HKA; Subkey: "Software\Classes\HipPlanner.Program\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\hip-planner.exe"" ""%1"""

[Run]
Filename: "{app}\hip-planner.exe"; Description: "{cm:LaunchProgram,Hip Planner}"; Flags: nowait postinstall skipifsilent
