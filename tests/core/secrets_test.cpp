#include "core/secrets.hpp"

#include <gtest/gtest.h>

namespace frontline {
namespace {

TEST(WithoutSecrets, MasksLibpqPasswords) {
    EXPECT_EQ(withoutSecrets("cannot open 'PG:dbname=gis host=db password=s3cret user=me': refused"),
              "cannot open 'PG:dbname=gis host=db password=*** user=me': refused");
    EXPECT_EQ(withoutSecrets("PG:password = 'a b\\' c' dbname=x"), "PG:password = *** dbname=x");
    EXPECT_EQ(withoutSecrets("PG:PASSWORD=x sslpassword=y"), "PG:PASSWORD=*** sslpassword=***");
    EXPECT_EQ(withoutSecrets("password=secret"), "password=***");
}

TEST(WithoutSecrets, MasksUriPasswords) {
    EXPECT_EQ(withoutSecrets("PG:postgresql://me:s3cret@db:5432/gis"), "PG:postgresql://me:***@db:5432/gis");
    EXPECT_EQ(withoutSecrets("see https://example.org/a:b@c"), "see https://example.org/a:b@c");
}

TEST(WithoutSecrets, LeavesOtherTextAlone) {
    for (const char* text : {"", "area 3800 km2", "no password given", "passwords=x is not a key", "a=b c=d",
                             "http://host:8080/path"}) {
        EXPECT_EQ(withoutSecrets(text), text);
    }
}

}  // namespace
}  // namespace frontline
