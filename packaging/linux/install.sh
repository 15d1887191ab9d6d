#!/bin/sh
# Install MeetingRoom from this folder: for you alone (the default, no password needed), or for
# everyone on the computer (--system, run as root). Adds MeetingRoom to the applications menu,
# opens .meetingroom workspace files with it, and puts `meetingroom` on the command line.
# `install.sh --uninstall` (with the same options) takes it away again. Neither ever touches
# your workspaces: they stay in ~/.local/share/MeetingRoom (or wherever you saved them).
set -eu

APP_ID=org.meetingroom.MeetingRoom
here=$(cd "$(dirname "$0")" && pwd)
prefix=""
system=no
action=install

usage() {
    cat <<'USAGE'
Usage: ./install.sh [--system] [--prefix DIR] [--uninstall]

  (no options)   install for you alone, into ~/.local
  --system       install for everyone, into /usr/local (run as root, for example with sudo)
  --prefix DIR   install into DIR instead (DIR/lib/meetingroom, DIR/bin, DIR/share)
  --uninstall    remove MeetingRoom from there; workspaces are never removed
USAGE
}

while [ $# -gt 0 ]; do
    case "$1" in
        --system) system=yes ;;
        --prefix)
            [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }
            prefix=$2
            shift ;;
        --uninstall) action=uninstall ;;
        -h | --help) usage; exit 0 ;;
        *) echo "install.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done

if [ -z "$prefix" ]; then
    if [ "$system" = yes ]; then prefix=/usr/local; else prefix="$HOME/.local"; fi
fi
case "$prefix" in /*) ;; *) prefix="$(pwd)/$prefix" ;; esac

app_dir="$prefix/lib/meetingroom"
share="$prefix/share"
desktop="$share/applications/$APP_ID.desktop"
SIZES="16 24 32 48 64 128 256"

refresh() {  # let the desktop see the change, where it has the tools
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$share/applications" 2>/dev/null || true
    fi
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$share/mime" >/dev/null 2>&1 || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$share/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$share/icons/hicolor" 2>/dev/null || true
    fi
}

if [ "$action" = uninstall ]; then
    rm -rf "$app_dir"
    rm -f "$prefix/bin/meetingroom" "$desktop" "$share/metainfo/$APP_ID.metainfo.xml" \
        "$share/mime/packages/$APP_ID.xml" "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
    for size in $SIZES; do
        rm -f "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
    refresh
    echo "MeetingRoom has been removed from $prefix. Your workspaces have not been touched."
    exit 0
fi

[ -x "$here/MeetingRoom" ] || { echo "install.sh: run me from the MeetingRoom folder I came in" >&2; exit 1; }
icons="$here/_internal/meetingroom/resources/icons"

if [ "$here" != "$app_dir" ]; then
    rm -rf "$app_dir.new"
    mkdir -p "$app_dir.new"
    cp -R "$here/." "$app_dir.new/"
    rm -rf "$app_dir"
    mv "$app_dir.new" "$app_dir"
fi

mkdir -p "$prefix/bin" "$share/applications" "$share/metainfo" "$share/mime/packages" \
    "$share/icons/hicolor/scalable/apps"
ln -sf "$app_dir/MeetingRoom" "$prefix/bin/meetingroom"
# The menu starts the program by its full path: ~/.local/bin is not always on the PATH.
sed "s|^Exec=.*|Exec=\"$app_dir/MeetingRoom\" %f|" "$here/linux/$APP_ID.desktop" > "$desktop"
cp "$here/linux/$APP_ID.metainfo.xml" "$share/metainfo/"
cp "$here/linux/$APP_ID.mime.xml" "$share/mime/packages/$APP_ID.xml"
cp "$icons/meetingroom.svg" "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
for size in $SIZES; do
    mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
    cp "$icons/meetingroom-$size.png" "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
refresh

echo "MeetingRoom is installed in $app_dir."
echo "Start it from your applications menu, or type: $prefix/bin/meetingroom"
