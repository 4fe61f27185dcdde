Feature: Faults injected into a running network
  A scenario can take an organization offline, slow it down or remove it from the others' allow lists,
  and every other organization sees what it would see in a real DSF network.

  Scenario: An organization that goes offline cannot be reached until it comes back
    Given the network "tutorial"
    Then "dic.dsf.test" can reach "hrp.dsf.test"
    When "hrp.dsf.test" goes offline
    Then "dic.dsf.test" cannot reach "hrp.dsf.test"
    And "dic.dsf.test" can reach "cos.dsf.test"
    When "hrp.dsf.test" comes back online
    Then "dic.dsf.test" can reach "hrp.dsf.test"

  Scenario: An organization removed from the allow lists is refused by the others
    Given the network "tutorial"
    When "cos.dsf.test" is removed from the allow lists
    Then "cos.dsf.test" cannot reach "dic.dsf.test"
    And "dic.dsf.test" can reach "hrp.dsf.test"

  Scenario: An organization whose client certificate expired reaches no one, but is still reached
    Given the network "tutorial"
    When the client certificate of "cos.dsf.test" expires
    Then "cos.dsf.test" cannot reach "dic.dsf.test"
    And "cos.dsf.test" cannot reach "cos.dsf.test"
    And "dic.dsf.test" can reach "cos.dsf.test"
