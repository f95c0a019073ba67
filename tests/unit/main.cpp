// The unit tests' entry point; the tests are the *_test.cpp files here.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
