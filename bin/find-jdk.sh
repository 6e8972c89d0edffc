# shellcheck shell=bash
#
# JDK discovery for Seatguard. This file is a library: source it, then call
#
#   seatguard_find_java [--jdk]  prints the absolute path of a java executable
#                                whose major version is >= ${SEATGUARD_MIN_JAVA:-21}
#                                and returns 0; prints nothing and returns 1
#                                when there is none. With --jdk, only one with
#                                javac beside it (a JDK, not a runtime alone):
#                                building needs it.
#   seatguard_has_javac JAVA     returns 0 when javac sits beside JAVA (symlinks
#                                resolved).
#   seatguard_java_home_of JAVA  prints the JDK home of JAVA (the folder above
#                                bin/, with symlinks resolved).
#   seatguard_java_major JAVA    prints JAVA's major version (17, 21, 25, 8 ...)
#                                or returns 1 if it is missing, not executable,
#                                exits non-zero or prints something unparseable.
#   seatguard_jvm_dirs           prints the search roots, one per line.
#   seatguard_java_home_passed_over CHOSEN [--jdk]
#                                prints why $JAVA_HOME/bin/java was not the one
#                                chosen (too old, not working, no javac) and
#                                returns 0; returns 1 when JAVA_HOME is unset or
#                                is CHOSEN's.
#
# Candidates, in order of preference:
#   1. $JAVA_HOME/bin/java, if it qualifies;
#   2. the java on PATH, if it qualifies;
#   3. <dir>/bin/java for every <dir> in the search roots (colon-separated
#      $SEATGUARD_JVM_DIRS, default /usr/lib/jvm); the highest major wins.
#
# Sourcing this file defines functions only: it sets no variables and changes
# no shell options. The functions are safe under `set -euo pipefail`.

# Minimum major version (validated; falls back to 21 when not a number).
seatguard_min_java() {
    local min=${SEATGUARD_MIN_JAVA:-21}
    if [[ $min =~ ^[0-9]+$ ]]; then
        printf '%s\n' "$((10#$min))"
    else
        printf '21\n'
    fi
}

seatguard_jvm_dirs() {
    local dirs=${SEATGUARD_JVM_DIRS:-/usr/lib/jvm}
    local -a roots=()
    local root
    IFS=: read -r -a roots <<<"$dirs" || true
    for root in ${roots[@]+"${roots[@]}"}; do
        [[ -n $root ]] && printf '%s\n' "${root%/}"
    done
    return 0
}

# Parses the output of `java -version` (given as $1) and prints the major
# version of the first `version "X..."` in it: "17.0.15" -> 17, "25" -> 25,
# "1.8.0_392" -> 8, "25-ea" -> 25.
seatguard_parse_java_version() {
    local out=$1 re='version "([0-9]+)(\.([0-9]+))?'
    [[ $out =~ $re ]] || return 1
    local major=$((10#${BASH_REMATCH[1]}))
    if ((major == 1)) && [[ -n ${BASH_REMATCH[3]} ]]; then
        major=$((10#${BASH_REMATCH[3]}))
    fi
    printf '%s\n' "$major"
}

seatguard_java_major() {
    local java=${1-} out
    [[ -n $java && -f $java && -x $java ]] || return 1
    # A hanging or broken java must not hang or break the caller.
    if command -v timeout >/dev/null 2>&1; then
        out=$(timeout 20 "$java" -version 2>&1 </dev/null) || return 1
    else
        out=$("$java" -version 2>&1 </dev/null) || return 1
    fi
    seatguard_parse_java_version "$out"
}

# A runtime alone (a JRE, Debian's openjdk-21-jre-headless) runs the jar but cannot build it: Maven's
# compiler then fails with a Guice injection error that names no JDK (found in review: JAVA_HOME at a
# Java 25 runtime was taken, and the first start failed so, while a full JDK sat in /usr/lib/jvm).
seatguard_has_javac() {
    local real
    real=$(readlink -f -- "${1-}") || return 1
    [[ -n $real && -f ${real%/*}/javac && -x ${real%/*}/javac ]]
}

# Returns 0 when JAVA ($1) runs and its major version is >= the minimum, and, when $2 is --jdk, has javac.
_seatguard_java_qualifies() {
    local major min
    major=$(seatguard_java_major "$1") || return 1
    min=$(seatguard_min_java)
    ((major >= min)) || return 1
    [[ ${2-} != --jdk ]] || seatguard_has_javac "$1"
}

_seatguard_abs_path() {
    case $1 in
        /*) printf '%s\n' "$1" ;;
        *) printf '%s\n' "$PWD/${1#./}" ;;
    esac
}

seatguard_find_java() {
    local candidate need=${1-}

    # 1. JAVA_HOME
    if [[ -n ${JAVA_HOME:-} ]]; then
        candidate="${JAVA_HOME%/}/bin/java"
        if _seatguard_java_qualifies "$candidate" "$need"; then
            _seatguard_abs_path "$candidate"
            return 0
        fi
    fi

    # 2. java on PATH (type -P ignores aliases and functions named java)
    candidate=$(type -P java 2>/dev/null) || candidate=
    if [[ -n $candidate ]] && _seatguard_java_qualifies "$candidate" "$need"; then
        _seatguard_abs_path "$candidate"
        return 0
    fi

    # 3. Every <root>/*/bin/java; the highest major version wins (the first
    #    one found wins a tie).
    local root dir major min best='' best_major=-1
    min=$(seatguard_min_java)
    while IFS= read -r root; do
        [[ -d $root ]] || continue
        for dir in "$root"/*; do
            candidate="$dir/bin/java"
            major=$(seatguard_java_major "$candidate") || continue
            [[ $need != --jdk ]] || seatguard_has_javac "$candidate" || continue
            if ((major >= min && major > best_major)); then
                best=$candidate
                best_major=$major
            fi
        done
    done < <(seatguard_jvm_dirs)

    if [[ -n $best ]]; then
        _seatguard_abs_path "$best"
        return 0
    fi
    return 1
}

# Why JAVA_HOME's java was passed over for CHOSEN ($1): a launcher that took another JDK without a
# word left a user who set JAVA_HOME at an old one wondering which Java ran (found in review). $2 is
# --jdk when CHOSEN was looked for with it (a runtime without javac is passed over then too).
seatguard_java_home_passed_over() {
    local chosen=${1-} need=${2-} given major min
    [[ -n ${JAVA_HOME:-} ]] || return 1
    given=$(_seatguard_abs_path "${JAVA_HOME%/}/bin/java")
    [[ $given != "$chosen" ]] || return 1
    min=$(seatguard_min_java)
    if ! major=$(seatguard_java_major "$given"); then
        printf 'has no working bin/java\n'
    elif ((major < min)); then
        printf 'is Java %s, older than the %s Seatguard needs\n' "$major" "$min"
    elif [[ $need == --jdk ]] && ! seatguard_has_javac "$given"; then
        printf 'is Java %s without javac (a runtime alone cannot build Seatguard)\n' "$major"
    else
        return 1
    fi
}

seatguard_java_home_of() {
    local java=${1-} real
    [[ -n $java ]] || return 1
    real=$(readlink -f -- "$java") || return 1
    [[ -n $real ]] || return 1
    real=${real%/*}      # .../bin
    printf '%s\n' "${real%/*}"
}

# Prints, for diagnostics, every candidate that was considered, one per line:
# "<path> (Java <major>)", "<path> (Java <major>, a runtime only: no javac)", "<path> (unusable)"
# or "<path> (missing)". Used by the launcher's error messages.
seatguard_describe_java_candidates() {
    local candidate major root dir
    local -a candidates=()
    [[ -n ${JAVA_HOME:-} ]] && candidates+=("${JAVA_HOME%/}/bin/java")
    candidate=$(type -P java 2>/dev/null) || candidate=
    [[ -n $candidate ]] && candidates+=("$candidate")
    while IFS= read -r root; do
        [[ -d $root ]] || continue
        for dir in "$root"/*; do
            [[ -e $dir/bin/java ]] && candidates+=("$dir/bin/java")
        done
    done < <(seatguard_jvm_dirs)
    for candidate in ${candidates[@]+"${candidates[@]}"}; do
        if major=$(seatguard_java_major "$candidate"); then
            if seatguard_has_javac "$candidate"; then
                printf '%s (Java %s)\n' "$candidate" "$major"
            else
                printf '%s (Java %s, a runtime only: no javac)\n' "$candidate" "$major"
            fi
        elif [[ -e $candidate ]]; then
            printf '%s (unusable)\n' "$candidate"
        else
            printf '%s (missing)\n' "$candidate"
        fi
    done
    return 0
}
