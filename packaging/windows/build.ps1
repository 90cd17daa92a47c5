# Build the Windows x64 installer on a Windows build PC (no internet needed).
# NOT verified on Windows yet: written and reviewed on Linux; see packaging\windows\README.md.
#
# Needs on the build PC: Python 3.11 x64 (python.org installer, "py" launcher), Inno Setup 6.3+ (iscc),
# this repository, and the wheelhouse made on Linux by `make wheelhouse-windows` copied to
# packaging\out\wheelhouse-windows-amd64 (or pass -Wheelhouse).
param(
    [string]$Wheelhouse = "packaging\out\wheelhouse-windows-amd64",
    [string]$Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe"
)
$ErrorActionPreference = "Stop"
Set-Location (Resolve-Path "$PSScriptRoot\..\..")
$Repo = Get-Location

function Step($text) { Write-Host "==> $text" -ForegroundColor Cyan }
function Check($what) { if ($LASTEXITCODE -ne 0) { throw "$what failed (exit $LASTEXITCODE)" } }

# Reproducible inputs, as on Linux.
$env:PYTHONHASHSEED = "0"
if (-not $env:SOURCE_DATE_EPOCH) { $env:SOURCE_DATE_EPOCH = (git log -1 --format=%ct) }

Step "venv with the locked wheels (hashes checked, no index)"
if (Test-Path build\venv) { Remove-Item -Recurse -Force build\venv }
py -3.11 -m venv build\venv; Check "venv"
$Py = "build\venv\Scripts\python.exe"
& $Py -m pip install --no-index --find-links $Wheelhouse --require-hashes -r packaging\requirements\windows-amd64.txt
Check "pip install (locked)"
& $Py -m pip install --no-index --no-deps --no-build-isolation .; Check "pip install ."

Step "icons"
$env:QT_QPA_PLATFORM = "offscreen"
& $Py packaging\make_icons.py build\icons; Check "icons"
Remove-Item Env:QT_QPA_PLATFORM
$env:RONGCUO_ICON = "$Repo\build\icons\rongcuo-desktop.ico"

Step "PyInstaller one-folder bundle"
& build\venv\Scripts\pyinstaller.exe --noconfirm --clean --distpath build\dist --workpath build\pyi `
    packaging\windows\rongcuo-windows.spec
Check "pyinstaller"

Step "smoke test of the bundle (offscreen, throwaway data folder)"
$Dist = "build\dist\rongcuo-desktop"
$Data = Join-Path $env:TEMP ("rongcuo-smoke-" + [guid]::NewGuid())
$Secret = Join-Path $env:TEMP ("rongcuo-smoke-pass-" + [guid]::NewGuid() + ".txt")
Set-Content -Path $Secret -Value "秋天的稻田里有七只白鹭" -Encoding utf8
$env:RONGCUO_PASSPHRASE_FILE = $Secret
& "$Dist\rongcuo.exe" --version; Check "rongcuo --version"
& "$Dist\rongcuo.exe" rulebook list; Check "rulebook list"
& "$Dist\rongcuo.exe" judge docs\examples\tolerance-fuzhou.json --rulebook fuzhou-2019; Check "judge"
& "$Dist\rongcuo.exe" --data-dir $Data init --passphrase-file $Secret; Check "init"
& "$Dist\rongcuo.exe" --data-dir $Data demo --passphrase-file $Secret; Check "demo"
& "$Dist\rongcuo.exe" --data-dir $Data list --passphrase-file $Secret; Check "list"
$env:QT_QPA_PLATFORM = "offscreen"
$Gui = Start-Process -FilePath "$Dist\rongcuo-desktop.exe" -ArgumentList "--data-dir", $Data -PassThru
Start-Sleep -Seconds 10
if ($Gui.HasExited) { throw "GUI exited early with code $($Gui.ExitCode)" }
Stop-Process -Id $Gui.Id
Remove-Item Env:QT_QPA_PLATFORM, Env:RONGCUO_PASSPHRASE_FILE
Remove-Item -Recurse -Force $Data, $Secret

Step "installer (Inno Setup)"
$Version = (& $Py -c "import rongcuo_desktop; print(rongcuo_desktop.__version__)")
& $Iscc "/DAppVersion=$Version" "/DSourceDir=$Repo\$Dist" "/DIconFile=$Repo\build\icons\rongcuo-desktop.ico" `
    packaging\windows\rongcuo.iss
Check "iscc"
Get-ChildItem build\installer | ForEach-Object { Write-Host ("{0}  {1:N1} MB" -f $_.Name, ($_.Length / 1MB)) }
$Size = (Get-ChildItem -Recurse $Dist | Measure-Object -Property Length -Sum).Sum / 1MB
Write-Host ("bundle unpacked: {0:N1} MB" -f $Size)
