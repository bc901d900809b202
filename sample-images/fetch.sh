#!/usr/bin/env bash
# Resolves clipsearch's sample photo set (the 210 files listed in MANIFEST.tsv) into DEST.
#
# Usage: sample-images/fetch.sh [DEST]        (default DEST: <repo>/work/sample-images)
#
#   1. If $CLIPSEARCH_SAMPLES or <repo>/../shared/sample-images is a folder, DEST becomes a
#      symlink to it (left alone if it already is one) and every manifest file is checked.
#   2. Otherwise the sources with a stable public home are downloaded into DEST: the Kodak
#      suite (PNG, from r0k.us) and four Debian packages (apt-get download + dpkg-deb -x,
#      Debian/Ubuntu only). The budgie and elementary photos cannot be fetched this way.
#
# Environment: CLIPSEARCH_SAMPLES  folder holding the sample set (as in ../shared)
#              CLIPSEARCH_OFFLINE=1  never download; fail if no sample folder is found
# Exit status: 0 when every file the chosen path can provide is present, 1 when some are
#              missing or nothing could be obtained, 2 on usage errors.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
repo=$(dirname "$here")
manifest=$here/MANIFEST.tsv
kodak_url=https://r0k.us/graphics/kodak/kodak

say() { printf '%s\n' "$*"; }
err() { printf 'fetch.sh: %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }

usage() {
  sed -n '2,15s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

case ${1:-} in
  -h | --help) usage; exit 0 ;;
  -*) err "unknown option: $1"; usage >&2; exit 2 ;;
esac
if (($# > 1)); then
  usage >&2
  exit 2
fi
dest=${1:-$repo/work/sample-images}

if [[ ! -f $manifest ]]; then
  err "missing $manifest"
  exit 2
fi

# Manifest paths (first column), header skipped.
manifest_files() {
  tail -n +2 "$manifest" | cut -f1 | tr -d '\r'
}

# find_present DIR FILE: prints FILE, or the same name with another image extension
# (downloaded originals keep their format, e.g. kodak24/kodim01.png for kodim01.jpg).
find_present() {
  local dir=$1 file=$2 stem ext
  if [[ -f $dir/$file ]]; then
    printf '%s\n' "$file"
    return 0
  fi
  stem=${file%.*}
  for ext in png jpg jpeg tif tiff PNG JPG; do
    if [[ -f $dir/$stem.$ext ]]; then
      printf '%s\n' "$stem.$ext"
      return 0
    fi
  done
  return 1
}

# verify DIR: reports missing files (per folder, and by name when few) and the summary line.
verify() {
  local dir=$1 file found total=0 present=0 renamed=0
  local -a missing=()
  while IFS= read -r file; do
    total=$((total + 1))
    if found=$(find_present "$dir" "$file"); then
      present=$((present + 1))
      if [[ $found != "$file" ]]; then renamed=$((renamed + 1)); fi
    else
      missing+=("$file")
    fi
  done < <(manifest_files)
  if ((${#missing[@]} > 0)); then
    say "missing ${#missing[@]} file(s), by folder:"
    printf '%s\n' "${missing[@]}" | sed 's|/[^/]*$|/|' | sort | uniq -c
    if ((${#missing[@]} <= 20)); then
      printf '  - %s\n' "${missing[@]}"
    fi
  fi
  if ((renamed > 0)); then
    say "$renamed file(s) are present under another extension (original format kept, e.g. .png)"
  fi
  say "$present of $total files present in $dir"
  ((${#missing[@]} == 0))
}

# any_present DIR: true if at least one manifest file is in DIR
any_present() {
  local file
  while IFS= read -r file; do
    if find_present "$1" "$file" >/dev/null; then return 0; fi
  done < <(manifest_files)
  return 1
}

how_to_get() {
  cat >&2 <<EOF
fetch.sh: no sample folder found and nothing could be downloaded.
Get the sample photos in one of these ways, then run this script again:
  - set CLIPSEARCH_SAMPLES to a copy of the project's shared sample-images folder,
    or place that folder at $repo/../shared/sample-images (all 210 photos);
  - run this script online on Debian/Ubuntu: it downloads the Kodak suite and the
    Debian wallpaper packages (70 of 210 photos).
Sources and licenses: $here/README.md
EOF
}

# ---- 1. link an existing sample folder --------------------------------------------------

same_dir() { # same_dir A B: both resolve to the same existing folder
  [[ -d $1 && -d $2 ]] && [[ $(cd "$1" && pwd -P) == "$(cd "$2" && pwd -P)" ]]
}

link_set() {
  local src=$1
  if [[ -L $dest ]]; then
    if same_dir "$dest" "$src"; then
      say "$dest already links to $src"
    else
      rm "$dest"
      ln -s "$src" "$dest"
      say "relinked $dest -> $src"
    fi
  elif [[ -e $dest ]]; then
    if same_dir "$dest" "$src"; then
      say "$dest is the sample folder itself"
    elif [[ -d $dest && -z $(ls -A "$dest") ]]; then
      rmdir "$dest"
      ln -s "$src" "$dest"
      say "linked $dest -> $src"
    else
      err "$dest exists and is not a link to $src; remove it or pass another DEST"
      exit 2
    fi
  else
    mkdir -p "$(dirname "$dest")"
    ln -s "$src" "$dest"
    say "linked $dest -> $src"
  fi
  verify "$dest"
}

src=""
if [[ -n ${CLIPSEARCH_SAMPLES:-} ]]; then
  if [[ ! -d $CLIPSEARCH_SAMPLES ]]; then
    err "CLIPSEARCH_SAMPLES=$CLIPSEARCH_SAMPLES is not a folder"
    exit 2
  fi
  src=$(cd "$CLIPSEARCH_SAMPLES" && pwd -P)
elif [[ -d $repo/../shared/sample-images ]]; then
  src=$(cd "$repo/../shared/sample-images" && pwd -P)
fi

if [[ -n $src ]]; then
  link_set "$src"
  exit $?
fi

# ---- 2. download what has a stable public source ----------------------------------------

if [[ -L $dest ]]; then
  if [[ -d $dest ]]; then # a link made earlier (e.g. with CLIPSEARCH_SAMPLES): just check it
    say "$dest links to $(readlink "$dest")"
    verify "$dest"
    exit $?
  fi
  say "removing dangling link $dest -> $(readlink "$dest")"
  rm "$dest"
fi

if [[ ${CLIPSEARCH_OFFLINE:-0} == 1 ]]; then
  how_to_get
  exit 1
fi

say "no sample folder found (CLIPSEARCH_SAMPLES unset, no $repo/../shared/sample-images);"
say "downloading the publicly available part of the set into $dest"
mkdir -p "$dest"

# License and copyright texts travel with the photos.
(cd "$here" && find . -type f ! -name '*.sh' ! -name 'README.md' -print) |
  while IFS= read -r f; do
    mkdir -p "$dest/$(dirname "$f")"
    cp "$here/$f" "$dest/$f"
  done

fetched=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fetch_url() { # fetch_url URL OUT
  local url=$1 out=$2
  if have curl; then
    curl -fsSL --retry 2 --connect-timeout 15 -o "$out.part" "$url" || { rm -f "$out.part"; return 1; }
  elif have wget; then
    wget -q -T 15 -t 2 -O "$out.part" "$url" || { rm -f "$out.part"; return 1; }
  else
    err "neither curl nor wget is installed"
    return 1
  fi
  mv "$out.part" "$out"
}

# Kodak Lossless True Color Image Suite: PNG kept as is (the manifest names .jpg re-encodes).
mkdir -p "$dest/kodak24"
for i in $(seq -w 1 24); do
  name=kodim$i
  if find_present "$dest" "kodak24/$name.jpg" >/dev/null; then continue; fi
  if fetch_url "$kodak_url/$name.png" "$dest/kodak24/$name.png"; then
    fetched=$((fetched + 1))
  else
    err "could not download $kodak_url/$name.png; skipping the rest of the Kodak set"
    failed=$((failed + 1))
    break
  fi
done

# locate ROOT FOLDER FILE: path of the manifest file FOLDER/FILE inside an unpacked package.
locate() {
  local root=$1 folder=$2 file=$3 stem=${3%.*} d
  case $folder in
    debian_wallpapers/plasma)
      d=$(find "$root" -type d -path "*/wallpapers/$stem/contents/images" -print -quit)
      [[ -n $d ]] || return 0
      if [[ -f $d/2560x1600.jpg ]]; then
        printf '%s\n' "$d/2560x1600.jpg"
      elif [[ -f $d/2560x1600.png ]]; then
        printf '%s\n' "$d/2560x1600.png"
      else # largest file otherwise
        find "$d" -type f -printf '%s\t%p\n' | sort -rn | head -1 | cut -f2
      fi
      ;;
    debian_wallpapers/mate_nature) find "$root" -type f -path "*/mate/nature/$file" -print -quit ;;
    debian_wallpapers/lomiri) find "$root" -type f -path "*/backgrounds/$file" -print -quit ;;
    skimage_cc0_pd) find "$root" -type f -path "*/skimage/data/$stem.*" -print -quit ;;
  esac
}

fetch_debian() { # fetch_debian FOLDER PACKAGE
  local folder=$1 pkg=$2 file found ext x
  local -a needed=() debs=()
  while IFS= read -r file; do
    if [[ $file == "$folder/"* ]] && ! find_present "$dest" "$file" >/dev/null; then
      needed+=("${file#"$folder"/}")
    fi
  done < <(manifest_files)
  ((${#needed[@]} > 0)) || return 0
  say "apt-get download $pkg (${#needed[@]} photos for $folder/)"
  if ! (cd "$tmp" && apt-get download -q "$pkg" >/dev/null); then
    err "apt-get download $pkg failed (offline, or run: sudo apt-get update)"
    failed=$((failed + ${#needed[@]}))
    return 0
  fi
  debs=("$tmp/${pkg}"_*.deb)
  x=$tmp/x-$pkg
  dpkg-deb -x "${debs[0]}" "$x"
  mkdir -p "$dest/$folder"
  for file in "${needed[@]}"; do
    found=$(locate "$x" "$folder" "$file")
    if [[ -z $found ]]; then
      err "$file not found in $pkg"
      failed=$((failed + 1))
      continue
    fi
    ext=${found##*.}
    cp "$found" "$dest/$folder/${file%.*}.$ext"
    fetched=$((fetched + 1))
  done
  rm -rf "$x" "${debs[@]}"
}

if have apt-get && have dpkg-deb; then
  fetch_debian debian_wallpapers/plasma plasma-workspace-wallpapers
  fetch_debian debian_wallpapers/mate_nature mate-backgrounds
  fetch_debian debian_wallpapers/lomiri lomiri-wallpapers-16.04
  fetch_debian skimage_cc0_pd python3-skimage
else
  err "apt-get/dpkg-deb not found: the Debian wallpapers and scikit-image photos (46) need Debian/Ubuntu"
  failed=$((failed + 1))
fi

cat <<EOF
Not downloadable (historical photos from GitHub repositories, only in the shared folder):
  budgie_cc0/  (38)  github.com/BuddiesOfBudgie/budgie-backgrounds history, CC0-1.0
  elementary/ (102)  github.com/elementary/wallpapers history, credits in elementary/COPYRIGHT_history.txt
  To get them, point CLIPSEARCH_SAMPLES at a copy of the shared sample-images folder.
EOF

say "downloaded $fetched file(s) into $dest"
verify "$dest" || true
if ((fetched == 0)) && ! any_present "$dest"; then
  how_to_get
  exit 1
fi
((failed == 0))
