Feature: Certificates and allow lists of a network
  Every organization of a network gets a server and a client certificate from the network's issuing CA,
  and every allow list names every organization by the thumbprint of its client certificate.

  Scenario: The tutorial network's allow lists name every organization with its client certificate
    Given the network definition "tutorial"
    When its certificates and allow lists are written
    Then the allow list of "dic.dsf.test" names "hrp.dsf.test" by the thumbprint of its client certificate
    And the allow list of "hrp.dsf.test" names "cos.dsf.test" by the thumbprint of its client certificate
    And the server certificate of "cos.dsf.test" is valid for "cos.dsf.test", "localhost" and "127.0.0.1"

  Scenario: A feasibility network grows with its parameter
    Given the network definition "feasibility" with dics=6
    When its certificates and allow lists are written
    Then the network has 7 organizations
    And the allow list of "hrp.dsf.test" names "dic6.dsf.test" by the thumbprint of its client certificate

  Scenario: An unknown organization in a step is named with the known ones
    Given the network definition "tutorial"
    When its certificates and allow lists are written
    Then asking for the allow list of "dic1" fails with "unknown organization 'dic1'; known: dic.dsf.test, cos.dsf.test, hrp.dsf.test"
