@container
Feature: Faults of organization containers
  Only on the container runtime (dsf-testbed run --runtime container): an organization's container stopped or
  taken off the private network is not reachable for the others; started again or reconnected, it is.

  Scenario: A stopped or disconnected organization is not reachable until it is back
    Given the network "3dic-ttp" with plugin "connectivity"
    When "Test_DIC_3" is stopped
    And "Test_DIC_1" starts process "http://testbed.dev/bpe/Process/connectivityPing|1.0"
    Then the Task at "Test_DIC_1" is "completed" within 60 seconds
    And the Task output "ping-status" for "Test_DIC_3" is "not-reachable"
    And the Task output "ping-status" for "Test_DIC_2" is "pong-received"
    When "Test_DIC_3" is started again
    And "Test_DIC_1" starts process "http://testbed.dev/bpe/Process/connectivityPing|1.0"
    Then the Task at "Test_DIC_1" is "completed" within 30 seconds
    And the Task output "ping-status" is "pong-received" for every other organization
    When "Test_DIC_2" is disconnected from the network
    And "Test_DIC_1" starts process "http://testbed.dev/bpe/Process/connectivityPing|1.0"
    Then the Task at "Test_DIC_1" is "completed" within 60 seconds
    And the Task output "ping-status" for "Test_DIC_2" is "not-reachable"
    When "Test_DIC_2" is reconnected to the network
    And "Test_DIC_1" starts process "http://testbed.dev/bpe/Process/connectivityPing|1.0"
    Then the Task at "Test_DIC_1" is "completed" within 30 seconds
    And the Task output "ping-status" is "pong-received" for every other organization
