Feature: Connectivity between the organizations of a network
  The testbed's connectivity plugin pings every other organization of the allow list from one organization
  and waits for their pongs. The start Task completes with one ping-status output per target, and an error
  output with the reason for every target that did not answer.

  Scenario Outline: <organization> reaches every other organization of 3dic-ttp
    Given the network "3dic-ttp" with plugin "connectivity"
    When "<organization>" starts process "http://testbed.dev/bpe/Process/connectivityPing|1.0"
    Then the Task at "<organization>" is "completed" within 30 seconds
    And the Task output "ping-status" is "pong-received" for every other organization
    And the Task has no error output

    Examples:
      | organization |
      | Test_DIC_1   |
      | Test_DIC_2   |
      | Test_DIC_3   |
      | Test_TTP     |

  Scenario: An offline organization is not reachable
    Given the network "3dic-ttp" with plugin "connectivity"
    When "Test_DIC_3" goes offline
    And "Test_DIC_1" starts process "http://testbed.dev/bpe/Process/connectivityPing|1.0"
    Then the Task at "Test_DIC_1" is "completed" within 30 seconds
    And the Task output "ping-status" for "Test_DIC_3" is "not-reachable"
    And the Task output "error" for "Test_DIC_3" is "send-message-http-host-connect"
    And the Task output "ping-status" for "Test_DIC_2" is "pong-received"
    And the Task output "ping-status" for "Test_TTP" is "pong-received"

  Scenario: An organization missing from the others' allow lists is answered 401
    Given the network "3dic-ttp" with plugin "connectivity"
    When "Test_TTP" is removed from the allow lists
    And "Test_TTP" starts process "http://testbed.dev/bpe/Process/connectivityPing|1.0"
    Then the Task at "Test_TTP" is "completed" within 30 seconds
    And the Task output "ping-status" is "not-allowed" for every other organization
    And the Task output "error" for "Test_DIC_1" is "send-message-http-401"

  Scenario: A missing pong is a timeout once simulated time passes the wait
    Given the network "3dic-ttp" with plugin "connectivity"
    When the BPE of "Test_DIC_2" stops taking Tasks
    And "Test_DIC_1" starts process "http://testbed.dev/bpe/Process/connectivityPing|1.0"
    Then "Test_DIC_1" completed 2 Tasks with message-name "pong"
    And the Task at "Test_DIC_1" is "in-progress"
    When time advances by 21 seconds
    Then the Task at "Test_DIC_1" is "completed" within 30 seconds
    And the Task output "ping-status" for "Test_DIC_2" is "pong-missing"
    And the Task output "error" for "Test_DIC_2" is "response-message-timeout-status-requested"
    And the Task output "ping-status" for "Test_DIC_3" is "pong-received"
