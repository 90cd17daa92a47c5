; Inno Setup 6 script: per-machine install of the one-folder bundle, Start-menu entries, and an
; uninstaller that leaves the user's data alone. NOT verified on Windows yet (see README.md).
; Compile on the Windows build PC (build.ps1 does it):
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\..\build\dist\rongcuo-desktop /DIconFile=..\..\build\icons\rongcuo-desktop.ico rongcuo.iss
;
; User data lives in %LOCALAPPDATA%\rongcuo-desktop (platformdirs, per user): the installer never
; writes there and the uninstaller has no [UninstallDelete] for it, so cases, keys and backups stay.
; Installing a newer version over an older one replaces program files only (same AppId); the app
; migrates the store itself on the next start, after its automatic backup.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\build\dist\rongcuo-desktop"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\rongcuo-desktop.ico"
#endif

[Setup]
; Never change AppId: upgrades find the old installation through it.
AppId={{6F0C7B2E-6E3B-4C55-9A57-2C1B1B7D9E41}
AppName=容错免责案件库
AppVerName=容错免责案件库 {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=rongcuo-desktop
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\rongcuo-desktop
DefaultGroupName=容错免责案件库
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputBaseFilename=rongcuo-desktop-{#AppVersion}-win64-setup
OutputDir=..\..\build\installer
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\rongcuo-desktop.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running copy holds files open: ask to close it (the app saves and closes its store on WM_CLOSE).
CloseApplications=yes
RestartApplications=no

[Languages]
; ChineseSimplified.isl ships with Inno Setup 6.3 and later; with an older Inno use Default.isl.
Name: "chs"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[InstallDelete]
; A folder bundle from an older version may hold files the new one no longer has.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\容错免责案件库"; Filename: "{app}\rongcuo-desktop.exe"; WorkingDir: "{app}"
Name: "{group}\卸载 容错免责案件库"; Filename: "{uninstallexe}"
Name: "{autodesktop}\容错免责案件库"; Filename: "{app}\rongcuo-desktop.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; Flags: unchecked

[Run]
Filename: "{app}\rongcuo-desktop.exe"; Description: "启动 容错免责案件库"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] and no [Code] touching {localappdata}\rongcuo-desktop or {userappdata}: by design.
