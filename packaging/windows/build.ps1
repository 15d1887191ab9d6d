<#
.SYNOPSIS
    Build MeetingRoom for Windows: the one-folder app in dist\MeetingRoom and its installer.

.DESCRIPTION
    Run from the repository root, in PowerShell (Windows PowerShell 5.1 or PowerShell 7):

        powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1

    It:
      1. makes a virtual environment, .venv, with Python 3.11 (py -3.11 -m venv .venv);
      2. installs MeetingRoom into it with the pinned versions in requirements.lock;
      3. runs the quick tests (python -m pytest -q -m "not gui and not slow"), unless -SkipTests;
      4. builds dist\MeetingRoom with PyInstaller (packaging\meetingroom.spec);
      5. checks the built app runs on its own: meetingroom-cli.exe --version, demo, meetings
         and a large-print agenda, in a temporary folder;
      6. if Inno Setup 6 is installed, builds dist\MeetingRoom-VERSION-windows-setup.exe from
         packaging\windows\meetingroom.iss, with the version read from src\meetingroom\__init__.py.

    It stops at the first step that fails, and says which.

.PARAMETER SkipTests
    Do not run the tests (step 3).

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 -SkipTests
#>
[CmdletBinding()]
param(
    [switch]$SkipTests
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# Run a program and stop the build if it fails. Native programs report failure through their
# exit code, not through PowerShell errors, so check $LASTEXITCODE every time. Their messages on
# stderr (pip and PyInstaller write progress there) must not count as failure, so run them with
# $ErrorActionPreference 'Continue' (Windows PowerShell 5.1 otherwise stops on the first line).
function Invoke-Checked {
    param(
        [Parameter(Mandatory = $true)][string]$What,
        [Parameter(Mandatory = $true)][string]$Program,
        [string[]]$Arguments = @(),
        [switch]$CaptureOutput
    )
    if (-not (Get-Command $Program -ErrorAction SilentlyContinue)) {
        throw "$What failed: there is no $Program."
    }
    Write-Host "> $Program $($Arguments -join ' ')"
    $previous = $ErrorActionPreference
    $ErrorActionPreference = 'Continue'
    try {
        if ($CaptureOutput) {
            $output = & $Program @Arguments
        } else {
            & $Program @Arguments | Out-Host
        }
        $code = $LASTEXITCODE
    } finally {
        $ErrorActionPreference = $previous
    }
    if ($code -ne 0) {
        throw "$What failed: $Program exited with code $code."
    }
    if ($CaptureOutput) {
        return (@($output) -join "`n")
    }
}

function Write-Step([string]$Text) {
    Write-Host ''
    Write-Host "== $Text" -ForegroundColor Cyan
}

# Inno Setup's command-line compiler: on the PATH, or where Inno Setup 6 installs itself
# (for everyone, or for one person).
function Find-Iscc {
    $onPath = Get-Command 'iscc.exe' -ErrorAction SilentlyContinue
    if ($onPath) {
        return $onPath.Source
    }
    $bases = @(${env:ProgramFiles(x86)}, $env:ProgramFiles)
    if ($env:LOCALAPPDATA) {
        $bases += (Join-Path $env:LOCALAPPDATA 'Programs')
    }
    foreach ($base in $bases) {
        if (-not $base) {
            continue
        }
        $place = Join-Path (Join-Path $base 'Inno Setup 6') 'ISCC.exe'
        if (Test-Path -LiteralPath $place -PathType Leaf) {
            return $place
        }
    }
    return $null
}

$root = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path
Push-Location $root
try {
    # The version, as the app itself reports it.
    $init = Get-Content -LiteralPath 'src\meetingroom\__init__.py' -Raw -Encoding UTF8
    $found = [regex]::Match($init, '__version__ = "([^"]+)"')
    if (-not $found.Success) {
        throw 'There is no __version__ in src\meetingroom\__init__.py.'
    }
    $version = $found.Groups[1].Value
    Write-Host "Building MeetingRoom $version in $root"

    Write-Step '1. The virtual environment (.venv, Python 3.11)'
    $python = Join-Path $root '.venv\Scripts\python.exe'
    if (-not (Test-Path -LiteralPath $python -PathType Leaf)) {
        if (-not (Get-Command 'py.exe' -ErrorAction SilentlyContinue)) {
            throw ('Python 3.11 is needed, with its "py" launcher: install it from python.org, ' +
                   'then run this script again.')
        }
        Invoke-Checked -What 'Making the virtual environment' -Program 'py.exe' -Arguments @('-3.11', '-m', 'venv', '.venv')
    }
    # The installer is for 64-bit Windows on x64 (and Arm64 Windows 11, which runs x64 programs),
    # so the app must be built with the 64-bit x64 Python 3.11.
    $pythonKind = (Invoke-Checked -What 'Checking the Python version' -Program $python -CaptureOutput `
        -Arguments @('-c', "import sys, sysconfig; print('%d.%d %s' % (sys.version_info[:2] + (sysconfig.get_platform(),)))")).Trim()
    if ($pythonKind -ne '3.11 win-amd64') {
        throw (".venv has Python $pythonKind, not 3.11 win-amd64: install the 64-bit (x64) Python 3.11 " +
               'from python.org, delete the .venv folder and run this script again.')
    }

    Write-Step '2. Installing MeetingRoom and its pinned dependencies'
    Invoke-Checked -What 'Updating pip' -Program $python -Arguments @(
        '-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--upgrade', 'pip==25.3')
    Invoke-Checked -What 'Installing MeetingRoom' -Program $python -Arguments @(
        '-m', 'pip', 'install', '--disable-pip-version-check', '-c', 'requirements.lock', '-e', '.[test,package]')

    if ($SkipTests) {
        Write-Step '3. Tests skipped (-SkipTests)'
    } else {
        Write-Step '3. The quick tests'
        Invoke-Checked -What 'The tests' -Program $python -Arguments @('-m', 'pytest', '-q', '-m', 'not gui and not slow')
    }

    Write-Step '4. Building dist\MeetingRoom with PyInstaller'
    $bundle = Join-Path $root 'dist\MeetingRoom'
    if (Test-Path -LiteralPath $bundle) {
        Remove-Item -LiteralPath $bundle -Recurse -Force
    }
    Invoke-Checked -What 'PyInstaller' -Program $python -Arguments @(
        '-m', 'PyInstaller', '--noconfirm', '--log-level', 'WARN',
        '--distpath', 'dist', '--workpath', 'build\pyinstaller', 'packaging\meetingroom.spec')
    foreach ($name in @('MeetingRoom.exe', 'meetingroom-cli.exe')) {
        if (-not (Test-Path -LiteralPath (Join-Path $bundle $name) -PathType Leaf)) {
            throw "PyInstaller did not make dist\MeetingRoom\$name."
        }
    }

    Write-Step '5. Checking the built app runs on its own'
    $cli = Join-Path $bundle 'meetingroom-cli.exe'
    $scratch = Join-Path ([IO.Path]::GetTempPath()) ("meetingroom-build-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $scratch | Out-Null
    # Keep the check's settings and logs out of your own MeetingRoom folder.
    $savedHome = $env:MEETINGROOM_HOME
    $env:MEETINGROOM_HOME = Join-Path $scratch 'home'
    try {
        $said = (Invoke-Checked -What 'meetingroom-cli --version' -Program $cli -Arguments @('--version') -CaptureOutput).Trim()
        if ($said -ne "MeetingRoom $version") {
            throw "meetingroom-cli --version said '$said', not 'MeetingRoom $version'."
        }
        Write-Host "  ok: $said"

        $workspace = Join-Path $scratch 'Network.meetingroom'
        Invoke-Checked -What 'meetingroom-cli demo' -Program $cli -Arguments @('demo', $workspace)
        $json = Invoke-Checked -What 'meetingroom-cli meetings' -Program $cli -CaptureOutput `
            -Arguments @('meetings', '--workspace', $workspace, '--json')
        # (Windows PowerShell 5.1 returns a JSON list as one object: piping it on unwraps it.)
        $parsed = ConvertFrom-Json -InputObject $json
        $meetings = @($parsed | ForEach-Object { $_ })
        if ($meetings.Count -lt 1) {
            throw 'The example workspace has no meetings.'
        }
        Write-Host "  ok: the example workspace has $($meetings.Count) meetings"
        $meeting = $meetings | Where-Object { $_.status -eq 'planning' } | Select-Object -First 1
        if (-not $meeting) {
            $meeting = $meetings[0]
        }

        $agenda = Join-Path $scratch 'agenda-large-print.pdf'
        Invoke-Checked -What 'meetingroom-cli agenda' -Program $cli -Arguments @(
            'agenda', '--workspace', $workspace, '--meeting', [string]$meeting.id,
            '--format', 'large-print', '-o', $agenda)
        $bytes = [IO.File]::ReadAllBytes($agenda)
        if ([Text.Encoding]::ASCII.GetString($bytes, 0, [Math]::Min(4, $bytes.Length)) -ne '%PDF') {
            throw 'The large-print agenda is not a PDF.'
        }
        Write-Host "  ok: a large-print agenda ($((Get-Item -LiteralPath $agenda).Length) bytes)"
    } finally {
        if ($null -eq $savedHome) {
            Remove-Item Env:\MEETINGROOM_HOME -ErrorAction SilentlyContinue
        } else {
            $env:MEETINGROOM_HOME = $savedHome
        }
        Remove-Item -LiteralPath $scratch -Recurse -Force -ErrorAction SilentlyContinue
    }
    $size = (Get-ChildItem -LiteralPath $bundle -Recurse -File | Measure-Object -Property Length -Sum).Sum
    Write-Host ("The app: {0} ({1:N0} MiB)" -f $bundle, ($size / 1MB))

    Write-Step '6. The installer (Inno Setup 6)'
    $iscc = Find-Iscc
    if (-not $iscc) {
        Write-Host 'Inno Setup 6 is not installed, so no installer was made. The app itself is ready in dist\MeetingRoom.'
        Write-Host 'To make the installer, install Inno Setup 6.3 or later from https://jrsoftware.org/isinfo.php, then run:'
        Write-Host "  iscc /DAppVersion=$version packaging\windows\meetingroom.iss"
        return
    }
    Invoke-Checked -What 'Inno Setup' -Program $iscc -Arguments @("/DAppVersion=$version", 'packaging\windows\meetingroom.iss')
    $installer = Join-Path $root "dist\MeetingRoom-$version-windows-setup.exe"
    if (-not (Test-Path -LiteralPath $installer -PathType Leaf)) {
        throw "Inno Setup finished, but there is no $installer."
    }
    Write-Host ("The installer: {0} ({1:N0} MiB)" -f $installer, ((Get-Item -LiteralPath $installer).Length / 1MB))
} finally {
    Pop-Location
}
