#include "app/cli.hpp"

int main(int argc, char** argv) { return frontline::app::run(argc, argv); }
