#!/usr/bin/zsh -f
# complete_zsh.zsh SCRIPT LINE: what Tab offers at the end of LINE in an
# interactive zsh (in a pseudo-terminal, zsh/zpty) that has loaded SCRIPT
# after compinit, one candidate a line, sorted. compadd is wrapped to print
# each match it adds, after zsh's own matching against the word typed
# (calls that only filter, with -O, -A or -D, pass through); the shell
# exits once the completion is done. Used by check_completion.sh.
zmodload zsh/zpty || exit 2
zpty shell zsh -f -i
zpty -w shell 'PROMPT= ; unsetopt zle_bracketed_paste 2>/dev/null'
zpty -w shell 'autoload -U compinit && compinit -u -D'
zpty -w shell "source ${(q)1}"
zpty -w shell 'bindkey "^I" complete-word'
zpty -w shell 'zstyle ":completion:*" insert-tab false'
zpty -w shell 'compadd() {
  if [[ ${(j: :)@[1,(i)--]} == *-[OAD]* ]]; then builtin compadd "$@"; return; fi
  local -a __hits
  builtin compadd -A __hits "$@"
  local h
  for h in $__hits; do print -r -- "@@""hit@@$h"; done
  builtin compadd "$@"
}'
zpty -w shell 'comppostfuncs=(exit)'
# The marker is split in the definition above, so that its echo does not
# count as a match.
zpty -w -n shell "$2"$'\t'
local out
while zpty -r shell out; do print -rn -- $out; done | tr -d '\r' |
  sed -n 's/.*@@hit@@//p' | sort -u
zpty -d shell
