package com.monstermart.cdp.localstack.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A Quarkus endpoint secured by the realm: 401 without a token, 403 with the wrong role, 200 with the right one. */
@QuarkusTest
@QuarkusTestResource(value = CdpStackResource.class, initArgs = @ResourceArg(name = "components", value = "keycloak"))
class SecuredEndpointTest {
    @Test
    void withoutTokenIsUnauthorized() {
        given().when().get("/analyst-only").then().statusCode(401);
    }

    @Test
    void wrongRoleIsForbidden() {
        String token = CdpStack.get().accessToken("marketer", "marketer");
        given().auth().oauth2(token).when().get("/analyst-only").then().statusCode(403);
    }

    @Test
    void rightRoleIsAllowed() {
        RealmUser analyst = CdpStack.get().createRealmUser("analyst");
        given().auth()
                .oauth2(CdpStack.get().accessToken(analyst))
                .when()
                .get("/analyst-only")
                .then()
                .statusCode(200)
                .body(equalTo("hello " + analyst.username()));
    }
}
