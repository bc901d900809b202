#!/usr/bin/env bash
# Checks sample-images/fetch.sh without network access. Exits non-zero on the first failure.
#   - link path (needs the shared folder: $CLIPSEARCH_SAMPLES or <repo>/../shared/sample-images):
#     210 of 210, idempotent second run, relink, subset with missing files, DEST in the way
#   - errors: CLIPSEARCH_SAMPLES not a folder, offline without a sample folder
#   - download path with stub curl/apt-get and tiny fake .deb packages (needs dpkg-deb)
#   - shellcheck on both scripts, when installed
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
repo=$(dirname "$here")
fetch=$here/fetch.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pass=0
ok() { pass=$((pass + 1)); printf 'ok   %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*" >&2; printf '%s\n' "--- output:" >&2; cat "$tmp/out" >&2; exit 1; }

# run EXPECTED_RC CMD...: runs CMD with output in $tmp/out, checks the exit status
run() {
  local want=$1 rc=0
  shift
  "$@" >"$tmp/out" 2>&1 || rc=$?
  [[ $rc == "$want" ]] || fail "$* exited $rc, expected $want"
}
expect() { grep -qF -- "$1" "$tmp/out" || fail "output lacks: $1"; }

total=$(($(wc -l <"$here/MANIFEST.tsv") - 1))
[[ $total == 210 ]] || { echo "FAIL MANIFEST.tsv lists $total files, expected 210" >&2; exit 1; }

# ---- link path ------------------------------------------------------------------------------
shared=""
if [[ -n ${CLIPSEARCH_SAMPLES:-} && -d ${CLIPSEARCH_SAMPLES:-} ]]; then
  shared=$(cd "$CLIPSEARCH_SAMPLES" && pwd -P)
elif [[ -d $repo/../shared/sample-images ]]; then
  shared=$(cd "$repo/../shared/sample-images" && pwd -P)
fi

if [[ -n $shared ]]; then
  export CLIPSEARCH_SAMPLES=$shared
  s1=$tmp/s1
  run 0 "$fetch" "$s1"
  expect "linked $s1 -> $shared"
  expect "210 of 210 files present"
  [[ -L $s1 && $(readlink "$s1") == "$shared" ]] || fail "$s1 is not a link to $shared"
  ok "link: 210 of 210"

  run 0 "$fetch" "$s1"
  expect "already links to"
  expect "210 of 210 files present"
  ok "link: second run leaves the link alone"

  # A subset: every manifest file but three, as per-file links.
  sub=$tmp/subset
  tail -n +2 "$here/MANIFEST.tsv" | cut -f1 | head -n 207 | while IFS= read -r f; do
    mkdir -p "$sub/$(dirname "$f")"
    ln -s "$shared/$f" "$sub/$f"
  done
  mapfile -t gone < <(tail -n +2 "$here/MANIFEST.tsv" | cut -f1 | tail -n 3)
  CLIPSEARCH_SAMPLES=$sub run 1 "$fetch" "$s1"
  expect "relinked $s1 -> $sub"
  expect "missing 3 file(s)"
  for f in "${gone[@]}"; do expect "  - $f"; done
  expect "207 of 210 files present"
  ok "link: subset reports its 3 missing files, exit 1"

  run 0 "$fetch" "$s1"
  expect "relinked $s1 -> $shared"
  ok "link: relinks to the full set"

  mkdir -p "$tmp/busy" && touch "$tmp/busy/keep"
  run 2 "$fetch" "$tmp/busy"
  expect "exists and is not a link"
  [[ -f $tmp/busy/keep ]] || fail "a non-empty DEST was touched"
  ok "link: refuses a non-empty folder as DEST"

  mkdir -p "$tmp/empty"
  run 0 "$fetch" "$tmp/empty"
  [[ -L $tmp/empty ]] || fail "empty DEST folder not replaced by a link"
  ok "link: replaces an empty folder"
  unset CLIPSEARCH_SAMPLES
else
  echo "skip link tests: no shared sample folder (\$CLIPSEARCH_SAMPLES or $repo/../shared/sample-images)"
fi

run 2 env CLIPSEARCH_SAMPLES="$tmp/nowhere" "$fetch" "$tmp/s2"
expect "is not a folder"
ok "error: CLIPSEARCH_SAMPLES not a folder"

# ---- no sample folder: a copy of sample-images/ in a fake checkout without ../shared -------
fake=$tmp/fake/repo
mkdir -p "$fake"
cp -R "$here" "$fake/sample-images"
ffetch=$fake/sample-images/fetch.sh

run 1 env -u CLIPSEARCH_SAMPLES CLIPSEARCH_OFFLINE=1 "$ffetch"
expect "no sample folder found and nothing could be downloaded"
expect "CLIPSEARCH_SAMPLES"
[[ ! -e $fake/work/sample-images ]] || fail "offline run created $fake/work/sample-images"
ok "offline without a sample folder: clear failure"

if command -v dpkg-deb >/dev/null 2>&1; then
  # Stubs: curl writes a dummy file for r0k.us URLs; apt-get download copies a fake .deb.
  bin=$tmp/bin
  debs=$tmp/debs
  mkdir -p "$bin" "$debs"
  cat >"$bin/curl" <<'EOF'
#!/usr/bin/env bash
[[ ${STUB_OFFLINE:-0} == 1 ]] && exit 6
out=""; url=""
while (($#)); do case $1 in -o) out=$2; shift 2 ;; http*) url=$1; shift ;; *) shift ;; esac; done
[[ $url == https://r0k.us/graphics/kodak/kodak/kodim*.png ]] || exit 22
printf 'png %s\n' "$url" >"$out"
EOF
  cat >"$bin/apt-get" <<EOF
#!/usr/bin/env bash
[[ \${STUB_OFFLINE:-0} == 1 ]] && exit 100
[[ \$1 == download ]] || exit 100
pkg=\${!#}
cp "$debs/\${pkg}"_*.deb . 2>/dev/null || { echo "E: Unable to locate package \$pkg" >&2; exit 100; }
EOF
  chmod +x "$bin/curl" "$bin/apt-get"

  mkdeb() { # mkdeb PACKAGE FILE...: a .deb holding the given paths
    local pkg=$1 d=$tmp/deb-$1 f
    shift
    mkdir -p "$d/DEBIAN"
    printf 'Package: %s\nVersion: 1.0\nArchitecture: all\nMaintainer: test <t@example.org>\nDescription: fake\n' \
      "$pkg" >"$d/DEBIAN/control"
    for f in "$@"; do mkdir -p "$d/$(dirname "$f")" && printf '%s\n' "$f" >"$d/$f"; done
    dpkg-deb --build --root-owner-group "$d" "$debs/${pkg}_1.0_all.deb" >/dev/null
  }
  list() { tail -n +2 "$here/MANIFEST.tsv" | cut -f1 | grep "^$1/" | sed "s|^$1/||"; }
  plasma=() mate=() lomiri=() skimage=()
  while IFS= read -r f; do
    plasma+=("usr/share/wallpapers/${f%.jpg}/contents/images/1920x1080.jpg"
      "usr/share/wallpapers/${f%.jpg}/contents/images/2560x1600.jpg")
  done < <(list debian_wallpapers/plasma)
  while IFS= read -r f; do mate+=("usr/share/backgrounds/mate/nature/$f"); done < <(list debian_wallpapers/mate_nature)
  while IFS= read -r f; do lomiri+=("usr/share/backgrounds/$f"); done < <(list debian_wallpapers/lomiri)
  while IFS= read -r f; do
    skimage+=("usr/lib/python3/dist-packages/skimage/data/${f%.jpg}.png")
  done < <(list skimage_cc0_pd)
  mkdeb plasma-workspace-wallpapers "${plasma[@]}"
  mkdeb mate-backgrounds "${mate[@]}"
  mkdeb lomiri-wallpapers-16.04 "${lomiri[@]}"
  mkdeb python3-skimage "${skimage[@]}"

  dl=$fake/work/sample-images
  run 0 env -u CLIPSEARCH_SAMPLES PATH="$bin:$PATH" "$ffetch"
  expect "downloaded 70 file(s) into $dl"
  expect "70 of 210 files present in $dl"
  expect "github.com/BuddiesOfBudgie/budgie-backgrounds"
  [[ -f $dl/kodak24/kodim07.png && -f $dl/skimage_cc0_pd/astronaut.png ]] || fail "PNG originals not kept"
  grep -q 2560x1600 "$dl/debian_wallpapers/plasma/Autumn.jpg" || fail "plasma: 2560x1600 not chosen"
  [[ -f $dl/debian_wallpapers/lomiri/debian_copyright && -f $dl/MANIFEST.tsv ]] || fail "license files not copied"
  ok "download (stubs): 70 of 210, PNG kept, licenses copied"

  run 0 env -u CLIPSEARCH_SAMPLES PATH="$bin:$PATH" "$ffetch"
  expect "downloaded 0 file(s)"
  expect "70 of 210 files present"
  ok "download (stubs): second run fetches nothing"

  run 1 env -u CLIPSEARCH_SAMPLES STUB_OFFLINE=1 PATH="$bin:$PATH" "$ffetch" "$tmp/offline"
  expect "could not download"
  expect "no sample folder found and nothing could be downloaded"
  ok "download (stubs) offline: clear failure"
else
  echo "skip download tests: dpkg-deb not installed"
fi

if command -v shellcheck >/dev/null 2>&1; then
  shellcheck "$fetch" "$here/test-fetch.sh" >"$tmp/out" 2>&1 || fail "shellcheck"
  ok "shellcheck"
else
  echo "skip shellcheck: not installed"
fi

echo "test-fetch.sh: $pass checks passed"
