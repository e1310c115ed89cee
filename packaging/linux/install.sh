#!/bin/sh
# Put Hip Planner in this user's application menu and let a double-click on a .hipplan file
# open it. Nothing outside your home folder is touched, and no administrator rights are needed.
#
#   ./install.sh            add the menu entry, the icon and the .hipplan file type
#   ./install.sh --remove   take them away again (your programs and catalog stay)
#
# Run it from the hip-planner folder where you keep the program; after moving that folder,
# run it again.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
desktop=$data/applications/hip-planner.desktop
mime=$data/mime/packages/hip-planner.xml

refresh() {
  if command -v update-mime-database >/dev/null; then update-mime-database "$data/mime"; fi
  if command -v update-desktop-database >/dev/null; then update-desktop-database "$data/applications"; fi
}

if [ "${1:-}" = "--remove" ]; then
  rm -f "$desktop" "$mime" "$data"/icons/hicolor/*/apps/hip-planner.png
  refresh
  echo "Hip Planner is off the menu. Your programs and exercise catalog are kept."
  exit 0
fi

case $here in
  *[\"\`\$\\]*)
    echo "Move the hip-planner folder to a path without \" \` \$ or \\ characters, then run ./install.sh again." >&2
    exit 2 ;;
esac

# The desktop entry's Exec= doubles %; sed's replacement text escapes | and &.
exe=$(printf '%s' "$here/hip-planner" | sed -e 's/%/%%/g' -e 's/[|&]/\\&/g')
mkdir -p "$data/applications" "$data/mime/packages"
sed "s|^Exec=.*|Exec=\"$exe\" %F|" "$here/share/hip-planner.desktop" >"$desktop"
cp "$here/share/hip-planner-mime.xml" "$mime"
for png in "$here"/share/icons/hip-planner-*.png; do
  size=${png##*-}
  size=${size%.png}
  mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
  cp "$png" "$data/icons/hicolor/${size}x${size}/apps/hip-planner.png"
done
refresh
echo "Hip Planner is in your application menu, and .hipplan files open with it."
