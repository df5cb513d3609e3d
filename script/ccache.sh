# Sourced by script/configure, script/configure-asan and script/fuzz: when
# ccache is installed (script/bootstrap installs it), compile through it, with
# paths taken relative to the checkout so a second clone or a worktree reuses
# the objects an earlier one built; the tests' precompiled headers are cached
# only with the sloppiness below (ccache manual, "Precompiled headers"). The
# settings ride in the launcher, so every later `cmake --build` has them.
# Sets the array `launcher` for cmake.
launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=("-DCMAKE_CXX_COMPILER_LAUNCHER=env;CCACHE_BASEDIR=$PWD;CCACHE_SLOPPINESS=pch_defines,time_macros;ccache")
fi
