# Helpers shared by the command-line tests: `source` it first; $work is a scratch folder
# removed at exit.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

check() {  # check NAME COMMAND...: runs COMMAND, counts it, shows its output when it fails
    local name=$1
    shift
    if "$@" >"$work/last.log" 2>&1; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $name"
        sed 's/^/    /' "$work/last.log" | head -20
    fi
}

exit_code() {  # exit_code EXPECTED COMMAND...
    local expected=$1
    shift
    "$@" >"$work/out.txt" 2>"$work/err.txt"
    local got=$?
    [ "$got" -eq "$expected" ] || { echo "exit $got, expected $expected"; cat "$work/err.txt"; return 1; }
}

words_in_pdf() {  # words_in_pdf PDF WORD...: every word comes back out of the PDF
    local pdf=$1
    shift
    pdftotext "$pdf" - | python3 -c "
import re, sys
text = re.sub('[\u202a-\u202e\u2066-\u2069]', '', sys.stdin.read())  # bidi marks from pdftotext
found = set(re.findall(r'[\w\u0600-\u06ff-]+', text))
missing = [w for w in sys.argv[1:] if w not in found]
sys.exit('missing: ' + ' '.join(missing) if missing else 0)
" "$@"
}

finish() {  # the closing line, and the exit code
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
